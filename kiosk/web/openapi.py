"""The OpenAPI 3.1 description served at /api/v1/openapi.json."""

from __future__ import annotations

_ITEM_FIELDS = {
    "id": {"type": "integer"}, "source": {"type": "string"},
    "external_id": {"type": "string"}, "text": {"type": "string"},
    "edited_text": {"type": ["string", "null"]}, "author": {"type": ["string", "null"]},
    "url": {"type": ["string", "null"]}, "created_at": {"type": "string", "format": "date-time"},
    "rating": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
    "branch": {"type": ["string", "null"]},
    "status": {"type": "string", "enum": ["pending", "approved", "pinned", "rejected"]},
    "lang": {"type": "string"}, "sentiment": {"type": "number", "minimum": -1, "maximum": 1},
    "label": {"type": "string", "enum": ["praise", "complaint", "neutral"]},
    "themes": {"type": "array", "items": {"type": "string"}},
    "mentions": {"type": "array", "items": {"type": "string"}},
    "branches": {"type": "array", "items": {"type": "string"}},
    "display_text": {"type": "string"}, "display_author": {"type": ["string", "null"]},
    "recalled_at": {"type": ["string", "null"], "format": "date-time"},
    "recalled_by": {"type": ["string", "null"]},
    "too_long_for": {"type": "array", "items": {"enum": ["landscape", "portrait"]},
                     "description": "screens that must cut the shown text at a word"},
    "model_score": {"type": ["number", "null"],
                    "description": "the company's learned praise model's P(praise)"},
}

_FEEDBACK = {
    "type": "object",
    "required": ["external_id", "text"],
    "properties": {
        "source": {"type": "string", "description": "defaults to the signing source's name"},
        "external_id": {"type": "string"}, "text": {"type": "string"},
        "author": {"type": "string"}, "url": {"type": "string", "description": "http(s) only"},
        "created_at": {"type": "string", "format": "date-time"},
        "rating": {"type": "integer", "minimum": 1, "maximum": 5},
        "branch": {"type": "string"}, "lang": {"type": "string"},
    },
}


def _action(verb: str) -> dict:
    return {"post": {
        "summary": f"{verb.capitalize()} an item (idempotent)",
        "security": [{"bearer": []}],
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "the item after the action",
                              "content": {"application/json": {
                                  "schema": {"$ref": "#/components/schemas/Item"}}}},
                      "401": {"description": "no or bad credentials"},
                      "403": {"description": "role may not do this"},
                      "404": {"description": "no such item"}},
    }}


def _simple(method: str, summary: str, role: str = "admin", body: str | None = None,
            ok: str = "200") -> dict:
    op = {"summary": f"{summary} ({role})", "security": [{"bearer": []}],
          "responses": {ok: {"description": "done"}, "400": {"description": "bad input"},
                        "401": {"description": "no or bad credentials"},
                        "403": {"description": "role may not do this"}}}
    if body:
        op["requestBody"] = {"required": True, "content": {
            "application/json" if body != "csv" else "text/csv": {"schema": {"type": "object"}
                                                                  if body != "csv" else
                                                                  {"type": "string"}}}}
    return {method: op}


_CONSOLE_PATHS = {
    "/api/v1/complaints": _simple(
        "get", "Complaints inbox: groups, teams, counts; ?status=open|new|contacted|resolved|all"
        "&group=&team=&branch=&source=", "admin or curator"),
    "/api/v1/complaints/{id}/status": _simple(
        "post", "Move a complaint to {status}: new, contacted or resolved", "admin or curator",
        "json"),
    "/api/v1/complaints/owners": _simple(
        "put", "Give a complaint group to a team {group, team} (empty team: none)", body="json"),
    "/api/v1/items/{id}/recall": _simple(
        "post", "Pull an item from every channel now (screens, widgets, huddle, digest); "
        "answers the item with `posters`, the ones already printed"),
    "/api/v1/items/{id}/unrecall": _simple("post", "Undo a recall explicitly: the item is "
                                           "back as it was before"),
    "/api/v1/items/{id}/unpin": _action("unpin"),
    "/api/v1/items/{id}/undo": _action("undo (back to the state before the last decision)"),
    "/api/v1/items/{id}": _simple("patch", "Edit the text screens show ({display_text}) or "
                                  "set an expiry ({expires_at})", "admin or curator", "json"),
    "/api/v1/items/bulk": _simple("post", "One action on many items {ids, action}",
                                  "admin or curator", "json"),
    "/api/v1/tokens": _simple("post", "A new bearer token for yourself", "any role",
                              ok="201"),
    "/api/v1/rules": {**_simple("get", "Curation rules"),
                      **_simple("put", "Replace the curation rules", body="json")},
    "/api/v1/rules/dry-run": _simple("post", "What rules would have done to the last N days; "
                                     "nothing saved", body="json"),
    "/api/v1/screens": {**_simple("get", "Screens with health"),
                        **_simple("post", "Create a screen {name, channel}", body="json",
                                  ok="201")},
    "/api/v1/screens/{id}/reload": _simple("post", "Reload a screen's page"),
    "/api/v1/channels": _simple("get", "Channels"),
    "/api/v1/channels/{id}": _simple("patch", "Change what a channel shows", body="json"),
    "/api/v1/announcements": {
        **_simple("get", "Recent announcements", "admin or curator"),
        **_simple("post", "Push {text, channel_ids, until} to screens now", "admin or curator",
                  "json", ok="201")},
    "/api/v1/announcements/{id}/clear": _simple("post", "Take an announcement down",
                                                "admin or curator"),
    "/api/v1/roster.csv": {**_simple("get", "Export the roster"),
                           **_simple("put", "Replace the roster", body="csv")},
    "/api/v1/branches.csv": {**_simple("get", "Export branches"),
                             **_simple("put", "Add or update branches", body="csv")},
    "/api/v1/audit": _simple("get", "Audit log, newest first (?before=&limit=)"),
    "/api/v1/audit.csv": _simple("get", "Audit log as CSV"),
    "/api/v1/themes": _simple("get", "Theme taxonomy", "any role"),
    "/api/v1/items/{id}/why": _simple(
        "get", "Why the queue shows an item: the learned model's score, the rules' hits and "
        "the nearest labelled examples", "admin or curator"),
    "/api/v1/learning": _simple("get", "Learned praise models per language: examples, "
                                "held-out precision and recall, the model in use"),
    "/api/v1/themes/{slug}": _simple("put", "Create or replace a theme", body="json"),
    "/api/v1/themes/suggestions": _simple("get", "Recurring phrases no theme covers",
                                          "any role"),
}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "Kiosk API", "version": "1"},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                            "signature": {"type": "apiKey", "in": "header",
                                          "name": "X-Kiosk-Signature"}},
        "schemas": {"Item": {"type": "object", "properties": _ITEM_FIELDS},
                    "Feedback": _FEEDBACK},
    },
    "paths": {
        "/api/v1/items": {"get": {
            "summary": "Items with their analysis and state, newest first",
            "security": [{"bearer": []}],
            "parameters": [
                {"name": n, "in": "query", "schema": {"type": t}}
                for n, t in (("status", "string"), ("label", "string"), ("source", "string"),
                             ("limit", "integer"), ("cursor", "string"))],
            "responses": {"200": {"description": "a page of items", "content": {
                "application/json": {"schema": {"type": "object", "properties": {
                    "items": {"type": "array",
                              "items": {"$ref": "#/components/schemas/Item"}},
                    "next": {"type": ["string", "null"]}}}}}},
                "401": {"description": "no or bad credentials"}},
        }},
        "/api/v1/items/{id}/approve": _action("approve"),
        "/api/v1/items/{id}/reject": {"post": {
            **_action("reject")["post"],
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"reason": {
                    "enum": ["complaint", "sarcasm", "off-topic", "personal-data", "other"],
                    "description": "why; sent again for a rejected item, corrects it"}}}}}}}},
        "/api/v1/items/{id}/pin": _action("pin"),
        "/api/v1/users": {"get": {
            "summary": "Users (admins only)", "security": [{"bearer": []}],
            "responses": {"200": {"description": "users"}, "403": {"description": "not admin"}},
        }},
        "/api/v1/feedback": {"post": {
            "summary": "Signed webhook: one feedback item or a list",
            "security": [{"signature": []}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "oneOf": [{"$ref": "#/components/schemas/Feedback"},
                          {"type": "array",
                           "items": {"$ref": "#/components/schemas/Feedback"}}]}}}},
            "responses": {"201": {"description": "stored"},
                          "200": {"description": "all duplicates"},
                          "400": {"description": "malformed JSON or no valid item"},
                          "401": {"description": "missing or wrong signature"},
                          "413": {"description": "body too large"}},
        }},
    },
}
OPENAPI["paths"].update(_CONSOLE_PATHS)
