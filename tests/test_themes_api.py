def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_taxonomy_edit_changes_what_new_items_get(client, admin_token, make_item):
    themes = client.get("/api/v1/themes", headers=auth(admin_token)).json["themes"]
    assert {"staff", "speed", "freshness", "cleanliness", "price", "delivery", "app",
            "range"} <= {t["slug"] for t in themes}
    before = make_item("The car park was full again.")
    assert before.analysis.themes == []
    response = client.put("/api/v1/themes/parking", headers=auth(admin_token), json={
        "tr": "Otopark", "en": "Parking", "keywords_tr": ["otopark*"],
        "keywords_en": ["car park", "parking"]})
    assert response.status_code == 200
    after = make_item("The car park was full again, parking is a nightmare.")
    assert after.analysis.themes == ["parking"]
    slugs = {t["slug"] for t in client.get("/api/v1/themes", headers=auth(admin_token))
             .json["themes"]}
    assert {"parking", "staff"} <= slugs  # editing kept the shipped themes


def test_bad_theme_edits_are_refused(client, admin_token, curator_token):
    assert client.put("/api/v1/themes/x", headers=auth(curator_token),
                      json={"keywords_en": []}).status_code == 403
    assert client.put("/api/v1/themes/bad slug!", headers=auth(admin_token),
                      json={}).status_code == 400
    assert client.put("/api/v1/themes/ok", headers=auth(admin_token),
                      json={"keywords_en": "not a list"}).status_code == 400


def test_recurring_phrases_are_suggested(client, curator_token, make_item):
    for n in range(4):
        make_item(f"Otopark bariyeri yine bozuktu, otopark bariyeri hep sorun {n}", lang="tr")
    body = client.get("/api/v1/themes/suggestions?lang=tr&days=7",
                      headers=auth(curator_token)).json
    assert body["texts"] == 4
    assert "otopark bariyeri" in [p["phrase"] for p in body["phrases"]]
