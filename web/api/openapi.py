"""The OpenAPI 3.1 description of /api/v1; a test checks it against the registered routes."""
from web.enums import DIFFICULTIES, VERDICTS, Kind, Status
from web.periods import PERIODS

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict:
    return _json(ERROR, description)


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}


def _path(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


SCHEMAS = {
    "Error": {"type": "object", "required": ["error"],
              "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
    "ChallengeSummary": {
        "type": "object", "required": ["id", "title", "difficulty", "tags"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"},
            "difficulty": {"type": "string", "enum": list(DIFFICULTIES)},
            "tags": {"type": "array", "items": {"type": "string"}},
            "acceptance_rate": {"type": ["number", "null"]},
            "your_best_score": {"type": ["integer", "null"]},
            "url": {"type": "string"}}},
    "Challenge": {"allOf": [{"$ref": "#/components/schemas/ChallengeSummary"}, {
        "type": "object",
        "properties": {"function": {"type": "string"}, "signature": {"type": "string"},
                       "statement": {"type": "string", "description": "Markdown"},
                       "starter": {"type": "string"},
                       "examples": {"type": "array", "items": {"type": "object"}}}}]},
    "NewSubmission": {
        "type": "object", "required": ["challenge", "code"],
        "properties": {"challenge": {"type": "string"},
                       "code": {"type": "string", "description": "Python source, at most 64 KB"},
                       "kind": {"type": "string", "enum": list(Kind.ALL), "default": Kind.SUBMIT,
                                "description": "submit: hidden properties, scored; "
                                               "run: visible examples only, not scored; "
                                               "custom: the code on `input`, beside the "
                                               "reference's answer, not scored"},
                       "input": {"type": "object", "additionalProperties": {"type": "string"},
                                 "description": "kind custom only: one Python literal per "
                                                "parameter, e.g. {\"box_a\": \"(0, 0, 2, 2)\"}"}}},
    "Submission": {
        "type": "object", "required": ["id", "challenge", "kind", "status"],
        "properties": {
            "id": {"type": "integer"}, "challenge": {"type": "string"},
            "kind": {"type": "string", "enum": list(Kind.ALL)},
            "status": {"type": "string", "enum": list(Status.ALL)},
            "verdict": {"type": ["string", "null"],
                        "enum": [*VERDICTS, None]},
            "score": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "user": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
            "finished_at": {"type": ["string", "null"], "format": "date-time"},
            "waiting": {"type": ["string", "null"],
                        "description": "while not done: where it is, e.g. 'Queued: 2 ahead "
                                       "(about 5 s)…' or 'Running property 3 of 9 (tied_scores)…'"},
            "result": {"type": ["object", "null"],
                       "description": "The grading result: properties, counterexample, timing; "
                                      "for kind custom, extra.custom holds the inputs, the "
                                      "reference's answer (expected), yours (got) and agree"},
            "input": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "kind custom only: the arguments as typed"},
            "code": {"type": "string"}}},
    "LeaderboardRow": {
        "type": "object",
        "properties": {"rank": {"type": "integer"}, "user": {"type": "string"},
                       "total_score": {"type": "integer"}, "solved": {"type": "integer"},
                       "reached_at": {"type": "string", "format": "date-time"}}},
}

AUTH = [{"bearerToken": []}, {"sessionCookie": []}]


def openapi_document(server_url: str) -> dict:
    ref = lambda name: {"$ref": f"#/components/schemas/{name}"}  # noqa: E731
    return {
        "openapi": "3.1.0",
        "info": {"title": "cvjudge API", "version": "1",
                 "description": "Challenges, submissions and the leaderboard. Scripts "
                                "authenticate with a personal token from the account page "
                                "(`Authorization: Bearer cvj_...`); the site's own pages use "
                                "the session cookie plus an `X-CSRFToken` header."},
        "servers": [{"url": server_url}],
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearerToken": {"type": "http", "scheme": "bearer"},
                "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "session"}}},
        "paths": {
            "/challenges": {"get": {
                "summary": "List the challenges", "operationId": "listChallenges",
                "responses": {"200": _json({"type": "object", "properties": {
                    "challenges": {"type": "array", "items": ref("ChallengeSummary")}}},
                    "Every challenge, easiest first")}}},
            "/challenges/{challenge_id}": {"get": {
                "summary": "One challenge with its statement, starter and examples",
                "operationId": "getChallenge",
                "parameters": [_path("challenge_id", {"type": "string"})],
                "responses": {"200": _json(ref("Challenge"), "The challenge"),
                              "404": _error("No such challenge")}}},
            "/submissions": {
                "get": {
                    "summary": "Your submissions, newest first", "operationId": "listSubmissions",
                    "security": AUTH,
                    "parameters": [_query("challenge", {"type": "string"}, "Only this challenge"),
                                   _query("limit", {"type": "integer", "minimum": 1,
                                                    "maximum": 200}, "At most this many")],
                    "responses": {"200": _json({"type": "object", "properties": {
                        "submissions": {"type": "array", "items": ref("Submission")}}},
                        "Your submissions"), "401": _error("Not authenticated")}},
                "post": {
                    "summary": "Queue code for grading", "operationId": "createSubmission",
                    "security": AUTH,
                    "requestBody": {"required": True, "content": {
                        "application/json": {"schema": ref("NewSubmission")}}},
                    "responses": {
                        "202": _json(ref("Submission"), "Queued; poll the Location URL"),
                        "400": _error("Malformed request, empty code or missing CSRF token"),
                        "401": _error("Not authenticated"),
                        "404": _error("No such challenge"),
                        "413": _error("The code is larger than 64 KB"),
                        "429": _error("Too many submissions; try again later")}}},
            "/submissions/{submission_id}": {"get": {
                "summary": "A submission's status, result and code", "operationId": "getSubmission",
                "security": AUTH,
                "parameters": [_path("submission_id", {"type": "integer"})],
                "responses": {"200": _json(ref("Submission"), "The submission"),
                              "401": _error("Not authenticated"),
                              "403": _error("Someone else's submission"),
                              "404": _error("No such submission")}}},
            "/leaderboard": {"get": {
                "summary": "Users ranked by total best score", "operationId": "getLeaderboard",
                "parameters": [_query("period", {"type": "string", "enum": list(PERIODS)},
                                      "all: all time; week: the last 7 days"),
                               _query("limit", {"type": "integer", "minimum": 1, "maximum": 500},
                                      "Rows per page"),
                               _query("offset", {"type": "integer", "minimum": 0}, "Rows to skip")],
                "responses": {"200": _json({"type": "object", "properties": {
                    "period": {"type": "string"}, "count": {"type": "integer"},
                    "rows": {"type": "array", "items": ref("LeaderboardRow")}}}, "The ranking")}}},
            "/me": {"get": {
                "summary": "Who you are and your best scores", "operationId": "getMe",
                "security": AUTH,
                "responses": {"200": _json({"type": "object", "properties": {
                    "user": {"type": "string"}, "role": {"type": "string"},
                    "best_scores": {"type": "object",
                                    "additionalProperties": {"type": "integer"}}}}, "You"),
                    "401": _error("Not authenticated")}}},
            "/openapi.json": {"get": {
                "summary": "This document", "operationId": "getOpenapi",
                "responses": {"200": {"description": "The OpenAPI document"}}}},
        },
    }
