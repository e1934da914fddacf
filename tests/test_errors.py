import pytest

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_a_dutch_404_page(client, world):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet" in html
    assert "Traceback" not in html


def test_map_layer_refuses_writes(client, world):
    assert client.post("/data/regios.geojson").status_code == 405
