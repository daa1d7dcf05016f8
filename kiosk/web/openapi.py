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
        "/api/v1/items/{id}/reject": _action("reject"),
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
