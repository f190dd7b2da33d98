def test_plan_page_renders(client, plan):
    response = client.get(f"/en/plans/{plan.slug}/")
    assert response.status_code == 200
    assert "Access to Justice" in response.content.decode()
