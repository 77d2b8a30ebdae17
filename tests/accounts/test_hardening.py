import textwrap

from tests.processes import run_in_production


def test_the_deployment_check_finds_no_issues_in_production(tmp_path):
    result = run_in_production("manage.py", "check", "--deploy", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_production_responses_carry_hsts_and_a_content_security_policy(tmp_path):
    script = textwrap.dedent(
        """
        import django
        django.setup()
        from django.test import Client
        response = Client().get("/i18n/setlang/", secure=True, HTTP_HOST="school5.osh.kg")
        for name in ["Strict-Transport-Security", "Content-Security-Policy",
                     "X-Content-Type-Options", "Referrer-Policy"]:
            print(f"{name}: {response.headers.get(name)}")
        """
    )
    result = run_in_production("-c", script, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Strict-Transport-Security: max-age=31536000; includeSubDomains; preload" in (
        result.stdout
    )
    assert "Content-Security-Policy: " in result.stdout
    assert "default-src 'self'" in result.stdout
    assert "X-Content-Type-Options: nosniff" in result.stdout


def test_public_pages_allow_no_inline_script_or_style(client, school):
    # A nonce appears in the policy only once a template uses request.csp_nonce; until then
    # nothing inline runs at all.
    response = client.get("/ky/", HTTP_HOST=school.site.hostname)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_admin_has_its_own_policy(admin_client):
    policy = admin_client.get("/admin/").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
