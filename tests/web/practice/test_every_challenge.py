"""Every challenge in the real catalogue renders as a page and as JSON (arrays included)."""
import pytest

from judge.catalogue import load_catalogue

CHALLENGES = sorted(load_catalogue())


@pytest.mark.parametrize("challenge_id", CHALLENGES)
def test_page_and_json_render(client, challenge_id):
    page = client.get(f"/challenges/{challenge_id}")
    assert page.status_code == 200
    assert 'id="starter-code"' in page.get_data(as_text=True)
    data = client.get(f"/api/v1/challenges/{challenge_id}").get_json()
    assert data["id"] == challenge_id and data["examples"]
    assert all(isinstance(example["args"], dict) for example in data["examples"])
