import Foundation

/// One planted secret: which rule must report it, on which lines (a finding anywhere in
/// `line...endLine` counts).
struct CorpusLabel: Codable, Hashable {
    var path: String
    var ruleID: String
    var line: Int
    var endLine: Int
}

/// One file of the labelled corpus.
struct CorpusFile: Codable {
    var path: String
    var content: String
    var labels: [CorpusLabel]
}

/// Builds a file line by line, recording the line numbers of planted secrets.
struct CorpusFileBuilder {
    let path: String
    private var lines: [String] = []
    private var labels: [CorpusLabel] = []

    init(_ path: String) { self.path = path }

    /// Appends plain text (may span lines).
    mutating func text(_ text: String) {
        lines += text.components(separatedBy: "\n")
    }

    /// Appends text holding one secret that `ruleID` must report.
    mutating func secret(_ ruleID: String, _ text: String) {
        let added = text.components(separatedBy: "\n")
        labels.append(CorpusLabel(path: path, ruleID: ruleID, line: lines.count + 1, endLine: lines.count + added.count))
        lines += added
    }

    var file: CorpusFile { CorpusFile(path: path, content: lines.joined(separator: "\n") + "\n", labels: labels) }
}

/// The labelled accuracy corpus: realistic files with planted synthetic secrets of every built-in
/// rule, and look-alikes that must not match.
enum SecretCorpus {
    /// The corpus files (the same for a given seed).
    static func make(seed: UInt64 = 0x5EC2E7) -> [CorpusFile] {
        var t = TokenFactory(seed: seed)
        var files: [CorpusFile] = []
        let alnum = TokenFactory.alnum, hex = TokenFactory.hex, b64 = TokenFactory.base64, url = TokenFactory.base64URL

        var env = CorpusFileBuilder("/app/.env")
        env.text("# Application settings\nAPP_ENV=production\nAPP_PORT=8080\nLOG_LEVEL=info")
        env.secret("aws-access-key-id", "AWS_ACCESS_KEY_ID=AKIA" + t.string(TokenFactory.base32, 16))
        env.secret("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY=" + t.string(b64, 40))
        env.secret("stripe-secret-key", "STRIPE_SECRET_KEY=sk_live_" + t.string(alnum, 34))
        env.secret("stripe-restricted-key", "STRIPE_RESTRICTED_KEY=rk_live_" + t.string(alnum, 34))
        env.secret("sendgrid-api-key", "SENDGRID_API_KEY=SG." + t.string(url, 22) + "." + t.string(url, 43))
        env.secret("mailgun-api-key", "MAILGUN_API_KEY=key-" + t.string(hex, 32))
        env.secret("mailchimp-api-key", "MAILCHIMP_KEY=" + t.string(hex, 32) + "-us14")
        env.text("TWILIO_ACCOUNT_SID=AC" + t.string(hex, 32))
        env.secret("twilio-api-key", "TWILIO_API_KEY=SK" + t.string(hex, 32))
        env.secret("twilio-auth-token", "TWILIO_AUTH_TOKEN=" + t.string(hex, 32))
        env.secret("postgres-url", "DATABASE_URL=postgres://app:" + t.password() + "@db.internal:5432/app")
        env.secret("redis-url", "REDIS_URL=redis://:" + t.password(20) + "@cache.internal:6379/0")
        env.secret("openai-api-key", "OPENAI_API_KEY=sk-proj-" + t.string(url, 156))
        env.secret("openai-api-key", "OPENAI_LEGACY_KEY=sk-" + t.string(alnum, 20) + "T3BlbkFJ" + t.string(alnum, 20))
        env.secret("anthropic-api-key", "ANTHROPIC_API_KEY=sk-ant-api03-" + t.string(url, 93) + "AA")
        env.secret("huggingface-token", "HF_TOKEN=hf_" + t.string(TokenFactory.upper + TokenFactory.lower, 34))
        env.secret("datadog-api-key", "DD_API_KEY=" + t.string(hex, 32))
        env.secret("datadog-app-key", "DD_APP_KEY=" + t.string(hex, 40))
        env.secret("sentry-token", "SENTRY_AUTH_TOKEN=sntryu_" + t.string(hex, 64))
        env.secret("newrelic-license-key", "NEW_RELIC_LICENSE_KEY=" + t.string(hex, 36) + "NRAL")
        env.secret("newrelic-user-api-key", "NEW_RELIC_API_KEY=NRAK-" + t.string(TokenFactory.upper + TokenFactory.digits, 27))
        env.secret("newrelic-insert-key", "NEW_RELIC_INSERT_KEY=NRII-" + t.string(url, 32))
        env.secret("linear-api-key", "LINEAR_API_KEY=lin_api_" + t.string(alnum, 40))
        env.secret("notion-token", "NOTION_TOKEN=ntn_" + t.string(TokenFactory.digits, 11) + t.string(alnum, 35))
        env.secret("postman-api-key", "POSTMAN_API_KEY=PMAK-" + t.string(hex, 24) + "-" + t.string(hex, 34))
        env.secret("pulumi-access-token", "PULUMI_ACCESS_TOKEN=pul-" + t.string(hex, 40))
        env.secret("doppler-token", "DOPPLER_TOKEN=dp.st.prd." + t.string(alnum, 43))
        env.secret("databricks-token", "DATABRICKS_TOKEN=dapi" + t.string(hex, 32))
        env.secret("grafana-cloud-token", "GRAFANA_CLOUD_TOKEN=glc_" + t.string(alnum, 90) + "==")
        env.secret("grafana-service-account-token", "GRAFANA_SA_TOKEN=glsa_" + t.string(alnum, 32) + "_" + t.string(hex, 8))
        env.secret("heroku-api-key", "HEROKU_API_KEY=" + t.uuid())
        env.secret("heroku-api-key-v2", "HEROKU_PLATFORM_KEY=HRKU-AA" + t.string(url, 58))
        env.secret("alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI" + t.string(alnum, 20))
        env.secret("tencent-secret-id", "TENCENTCLOUD_SECRET_ID=AKID" + t.string(alnum, 32))
        env.secret("generic-password", "SMTP_PASSWORD=" + t.password())
        env.text("FEATURE_FLAGS=beta,dark-mode\nPASSWORD_MIN_LENGTH=12")
        files.append(env.file)

        var settings = CorpusFileBuilder("/srv/app/mysite/settings.py")
        settings.text("import os\nfrom pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent")
        settings.secret("generic-secret", "SECRET_KEY = 'django-insecure-" + t.string(url, 40) + "'")
        settings.text("DEBUG = False\nALLOWED_HOSTS = ['*']\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'USER': 'app',")
        settings.secret("generic-password", "        'PASSWORD': '" + t.password() + "',")
        settings.text("        'HOST': 'db',\n    }\n}\nEMAIL_HOST_PASSWORD = os.environ.get('EMAIL_HOST_PASSWORD')\nAPI_TOKEN = settings.API_TOKEN")
        settings.secret("gcp-api-key", "GOOGLE_MAPS_API_KEY = \"AIza" + t.string(url, 35) + "\"")
        settings.secret("slack-bot-token", "SLACK_BOT_TOKEN = \"xoxb-" + t.string(TokenFactory.digits, 12) + "-" + t.string(TokenFactory.digits, 13) + "-" + t.string(alnum, 24) + "\"")
        settings.secret("slack-user-token", "SLACK_USER_TOKEN = \"xoxp-" + t.string(TokenFactory.digits, 12) + "-" + t.string(TokenFactory.digits, 12) + "-" + t.string(TokenFactory.digits, 13) + "-" + t.string(hex, 32) + "\"")
        settings.secret("slack-webhook-url", "SLACK_WEBHOOK = 'https://hooks.slack.com/services/T" + t.string(TokenFactory.upper + TokenFactory.digits, 10) + "/B" + t.string(TokenFactory.upper + TokenFactory.digits, 10) + "/" + t.string(alnum, 24) + "'")
        settings.secret("discord-bot-token", "DISCORD_BOT_TOKEN = \"M" + t.string(url, 25) + "." + t.string(url, 6) + "." + t.string(url, 38) + "\"")
        settings.secret("gcp-oauth-client-secret", "GOOGLE_CLIENT_SECRET = \"GOCSPX-" + t.string(url, 28) + "\"")
        settings.text("\ndef password_is_strong(password: str) -> bool:\n    return len(password) >= 12\n")
        files.append(settings.file)

        var config = CorpusFileBuilder("/etc/app/config.yaml")
        config.text("server:\n  port: 8443\n  tls: true\nintegrations:\n  github:")
        config.secret("github-pat", "    token: ghp_" + t.string(alnum, 36))
        config.secret("github-fine-grained-pat", "    fine_grained_token: github_pat_" + t.string(alnum, 22) + "_" + t.string(alnum, 59))
        config.secret("github-refresh-token", "    refresh_token: ghr_" + t.string(alnum, 76))
        config.text("  gitlab:\n    url: https://gitlab.corp.internal")
        config.secret("gitlab-pat", "    token: glpat-" + t.string(url, 20))
        config.secret("gitlab-deploy-token", "    deploy_token: gldt-" + t.string(url, 20))
        config.secret("gitlab-runner-token", "    runner_token: glrt-" + t.string(url, 20))
        config.secret("gitlab-token", "    trigger_token: glptt-" + t.string(hex, 40))
        config.text("  slack:\n    channel: '#alerts'")
        config.secret("slack-app-token", "    app_token: xapp-1-A" + t.string(TokenFactory.upper + TokenFactory.digits, 10) + "-" + t.string(TokenFactory.digits, 13) + "-" + t.string(hex, 64))
        config.secret("slack-legacy-token", "    legacy_token: xoxa-2-" + t.string(alnum, 40))
        config.secret("slack-config-token", "    config_token: xoxe.xoxp-1-" + t.string(TokenFactory.upper + TokenFactory.digits, 160))
        config.secret("discord-webhook-url", "  discord_webhook: https://discord.com/api/webhooks/" + t.string(TokenFactory.digits, 19) + "/" + t.string(url, 68))
        config.secret("teams-webhook-url", "  teams_webhook: https://contoso.webhook.office.com/webhookb2/" + t.uuid() + "@" + t.uuid() + "/IncomingWebhook/" + t.string(hex, 32) + "/" + t.uuid())
        config.secret("telegram-bot-token", "  telegram_bot: \"" + t.string(TokenFactory.digits, 10) + ":AA" + t.string(url, 33) + "\"")
        config.text("payments:")
        config.secret("square-access-token", "  square_access_token: EAAA" + t.string(url, 60))
        config.secret("square-oauth-secret", "  square_app_secret: sq0csp-" + t.string(url, 43))
        config.secret("braintree-access-token", "  braintree: access_token$production$" + t.string(TokenFactory.lower + TokenFactory.digits, 16) + "$" + t.string(hex, 32))
        config.secret("shopify-access-token", "  shopify_token: shpat_" + t.string(hex, 32))
        config.secret("shopify-shared-secret", "  shopify_secret: shpss_" + t.string(hex, 32))
        config.text("social:")
        config.secret("facebook-access-token", "  page_access: EAAC" + t.string(alnum, 160))
        config.secret("facebook-app-secret", "  facebook_app_secret: " + t.string(hex, 32))
        config.secret("twitter-bearer-token", "  twitter_bearer_token: " + String(repeating: "A", count: 22) + t.string(alnum, 60) + "%3D" + t.string(alnum, 40))
        config.secret("twitter-api-secret", "  twitter_api_secret: " + t.string(alnum, 50))
        config.text("productivity:")
        config.secret("atlassian-api-token", "  jira_token: ATATT3xFfGF0" + t.string(url, 183))
        config.secret("asana-token", "  asana_pat: \"2/" + t.string(TokenFactory.digits, 16) + "/" + t.string(TokenFactory.digits, 16) + ":" + t.string(hex, 32) + "\"")
        config.secret("okta-api-token", "  okta_api_token: 00" + t.string(url, 40))
        config.secret("dropbox-token", "  dropbox_access: sl.B" + t.string(url, 138))
        config.text("cloud:")
        config.secret("azure-storage-connection-string", "  storage: \"DefaultEndpointsProtocol=https;AccountName=prodstore01;AccountKey=" + t.string(b64, 86) + "==;EndpointSuffix=core.windows.net\"")
        config.secret("azure-storage-account-key", "  azure_storage_key: " + t.string(b64, 86) + "==")
        config.secret("azure-ad-client-secret", "  azure_client_secret: " + t.string(alnum, 3) + "8Q~" + t.string(url + "~.", 34))
        config.secret("aws-mws-key", "  mws_auth_token: amzn.mws." + t.uuid())
        config.secret("age-secret-key", "  age_identity: AGE-SECRET-KEY-1" + t.string(TokenFactory.bech32, 58).uppercased())
        config.secret("nuget-api-key", "  nuget_key: oy2" + t.string(TokenFactory.lower + TokenFactory.digits, 43))
        config.secret("rubygems-api-key", "  rubygems: rubygems_" + t.string(hex, 48))
        files.append(config.file)

        var sa = CorpusFileBuilder("/secrets/gcp/service-account.json")
        sa.text("{")
        let key = t.pemBody(lines: 12).replacingOccurrences(of: "\n", with: "\\n")
        sa.secret("gcp-service-account-key", """
              "type": "service_account",
              "project_id": "demo-project-4821",
              "private_key_id": "\(t.string(hex, 40))",
              "private_key": "-----BEGIN PRIVATE KEY-----\\n\(key)\\n-----END PRIVATE KEY-----\\n",
            """)
        sa.text("  \"client_email\": \"deployer@demo-project-4821.iam.gserviceaccount.com\",\n  \"client_id\": \"\(t.string(TokenFactory.digits, 21))\",\n  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}")
        files.append(sa.file)

        var rsa = CorpusFileBuilder("/root/.ssh/id_rsa")
        rsa.secret("private-key-rsa", "-----BEGIN RSA PRIVATE KEY-----\n" + t.pemBody(lines: 25, first: "MIIEpAIBAAKCAQEA") + "\n-----END RSA PRIVATE KEY-----")
        files.append(rsa.file)
        var openssh = CorpusFileBuilder("/home/dev/.ssh/id_ed25519")
        openssh.secret("private-key-openssh", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + t.pemBody(lines: 6, first: "b3BlbnNzaC1rZXktdjEAAAAA") + "\n-----END OPENSSH PRIVATE KEY-----")
        files.append(openssh.file)
        var pems = CorpusFileBuilder("/etc/ssl/private/keys.pem")
        pems.text("# server keys")
        pems.secret("private-key-ec", "-----BEGIN EC PRIVATE KEY-----\n" + t.pemBody(lines: 3, first: "MHcCAQEEI") + "\n-----END EC PRIVATE KEY-----")
        pems.secret("private-key-dsa", "-----BEGIN DSA PRIVATE KEY-----\n" + t.pemBody(lines: 10, first: "MIIBuwIBAAKBgQ") + "\n-----END DSA PRIVATE KEY-----")
        pems.secret("private-key-pkcs8", "-----BEGIN PRIVATE KEY-----\n" + t.pemBody(lines: 25, first: "MIIEvQIBADANBgkqhkiG9w0BAQEFAAS") + "\n-----END PRIVATE KEY-----")
        pems.secret("private-key-encrypted", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + t.pemBody(lines: 26, first: "MIIFHDBOBgkqhkiG9w0BBQ0wQTA") + "\n-----END ENCRYPTED PRIVATE KEY-----")
        pems.secret("private-key-rsa", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC," + t.string("0123456789ABCDEF", 32) + "\n\n" + t.pemBody(lines: 25) + "\n-----END RSA PRIVATE KEY-----")
        files.append(pems.file)
        var pgp = CorpusFileBuilder("/home/dev/backup/secret.asc")
        pgp.secret("pgp-private-key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF" + t.string(b64, 58) + "\n" + t.pemBody(lines: 20, first: "") + "\n=" + t.string(b64, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----")
        files.append(pgp.file)
        var putty = CorpusFileBuilder("/home/dev/keys/server.ppk")
        putty.secret("putty-private-key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n" + t.string(b64, 64) + "\n" + t.string(b64, 4) + "\nPrivate-Lines: 1\n" + t.string(b64, 44))
        putty.text("Private-MAC: " + t.string(hex, 64))
        files.append(putty.file)

        var kube = CorpusFileBuilder("/root/.kube/config")
        kube.text("apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: \(t.pemBody(lines: 8, first: "LS0tLS1CRUdJTi").replacingOccurrences(of: "\n", with: ""))\n    server: https://k8s.corp.internal:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    user: admin\n  name: prod\ncurrent-context: prod\nkind: Config\nusers:\n- name: admin")
        kube.secret("kubeconfig-token", "  user:\n    token: " + t.string(alnum, 6) + "." + t.string(TokenFactory.lower + TokenFactory.digits, 16))
        kube.text("- name: cert-user\n  user:\n    client-certificate-data: \(t.pemBody(lines: 10, first: "LS0tLS1CRUdJTi").replacingOccurrences(of: "\n", with: ""))")
        kube.secret("kubeconfig-client-key", "    client-key-data: " + t.pemBody(lines: 20, first: "LS0tLS1CRUdJTiBSU0Eg").replacingOccurrences(of: "\n", with: ""))
        files.append(kube.file)

        var npmrc = CorpusFileBuilder("/home/node/.npmrc")
        npmrc.text("registry=https://registry.npmjs.org/")
        npmrc.secret("npm-access-token", "//registry.npmjs.org/:_authToken=npm_" + t.string(alnum, 36))
        npmrc.secret("npmrc-auth-token", "//npm.corp.internal/:_auth=" + Data("ci-bot:\(t.password())".utf8).base64EncodedString())
        npmrc.text("//npm.pkg.github.com/:_authToken=${NPM_TOKEN}\nalways-auth=true")
        files.append(npmrc.file)

        var pypirc = CorpusFileBuilder("/root/.pypirc")
        pypirc.text("[distutils]\nindex-servers =\n    pypi\n\n[pypi]\n  username = __token__")
        pypirc.secret("pypi-upload-token", "  password = pypi-AgEIcHlwaS5vcmc" + t.string(url, 120))
        files.append(pypirc.file)

        var docker = CorpusFileBuilder("/root/.docker/config.json")
        docker.text("{\n  \"auths\": {\n    \"https://index.docker.io/v1/\": {")
        docker.secret("docker-config-auth", "      \"auth\": \"" + Data("builder:\(t.password())".utf8).base64EncodedString() + "\"")
        docker.text("    },\n    \"ghcr.io\": {}\n  },\n  \"credsStore\": \"desktop\"\n}")
        files.append(docker.file)

        var netrc = CorpusFileBuilder("/home/dev/.netrc")
        netrc.secret("netrc-password", "machine github.com\n  login octocat\n  password " + t.password())
        netrc.secret("netrc-password", "machine api.heroku.com login me@corp.io password " + t.password(24))
        files.append(netrc.file)

        var pgpass = CorpusFileBuilder("/var/lib/postgresql/.pgpass")
        pgpass.secret("pgpass-password", "db.internal:5432:app:app_user:" + t.password())
        pgpass.secret("pgpass-password", "*:*:*:replicator:" + t.password(20))
        files.append(pgpass.file)

        var credentials = CorpusFileBuilder("/home/dev/.git-credentials")
        credentials.secret("github-pat", "https://octocat:ghp_" + t.string(alnum, 36) + "@github.com")
        credentials.secret("url-credentials", "https://bob:" + t.password() + "@gitlab.corp.internal")
        files.append(credentials.file)

        var history = CorpusFileBuilder("/root/.bash_history")
        history.text("ls -la\ncd /srv/app\ngit pull")
        history.secret("github-oauth-token", "export GITHUB_TOKEN=gho_" + t.string(alnum, 36))
        history.secret("github-app-token", "curl -H \"Authorization: Bearer ghs_" + t.string(alnum, 36) + "\" https://api.github.com/repos/o/r")
        history.secret("dockerhub-pat", "echo dckr_pat_" + t.string(url, 27) + " | docker login -u builder --password-stdin")
        history.secret("postgres-url", "psql postgresql://admin:" + t.password() + "@10.0.0.5/prod")
        history.secret("vault-token", "vault login hvs." + t.string(url, 91))
        history.secret("mysql-url", "mysqlsh mysql://root:" + t.password() + "@127.0.0.1:3306")
        history.text("kubectl get pods -A\nhistory | grep token")
        files.append(history.file)

        var terraform = CorpusFileBuilder("/infra/main.tf")
        terraform.text("provider \"aws\" {\n  region     = \"us-east-1\"")
        terraform.secret("aws-access-key-id", "  access_key = \"AKIA" + t.string(TokenFactory.base32, 16) + "\"")
        terraform.secret("generic-secret", "  secret_key = \"" + t.string(b64, 40) + "\"")
        terraform.text("}\n\nprovider \"digitalocean\" {")
        terraform.secret("digitalocean-token", "  token = \"dop_v1_" + t.string(hex, 64) + "\"")
        terraform.text("}\n\nvariable \"db_password\" {\n  type      = string\n  sensitive = true\n}")
        files.append(terraform.file)

        var terraformrc = CorpusFileBuilder("/root/.terraformrc")
        terraformrc.text("credentials \"app.terraform.io\" {")
        terraformrc.secret("terraform-cloud-token", "  token = \"" + t.string(alnum, 14) + ".atlasv1." + t.string(alnum, 67) + "\"")
        terraformrc.text("}")
        files.append(terraformrc.file)

        var properties = CorpusFileBuilder("/app/config/application.properties")
        properties.text("spring.application.name=orders\nspring.datasource.url=jdbc:postgresql://db:5432/orders\nspring.datasource.username=orders")
        properties.secret("generic-password", "spring.datasource.password=" + t.password())
        properties.secret("mongodb-url", "spring.data.mongodb.uri=mongodb+srv://orders:" + t.password() + "@cluster0.ab1cd.mongodb.net/orders")
        properties.secret("amqp-url", "spring.rabbitmq.addresses=amqp://orders:" + t.password() + "@rabbit.internal:5672")
        properties.secret("jwt", "app.service.jwt=" + t.jwt())
        properties.text("server.port=8080\nmanagement.endpoints.web.exposure.include=health")
        files.append(properties.file)

        var workflow = CorpusFileBuilder("/repo/.github/workflows/release.yml")
        workflow.text("name: release\non: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}")
        workflow.secret("gitlab-token", "      GITLAB_CI_JOB: glcbt-64_" + t.string(url, 20))
        workflow.secret("generic-secret", "      DEPLOY_API_KEY: " + t.string(alnum, 32))
        workflow.text("    steps:\n      - uses: actions/checkout@v4")
        files.append(workflow.file)

        // Look-alikes: each line must stay silent.
        var lookalikes = CorpusFileBuilder("/src/docs/lookalikes.txt")
        for (_, line) in negativeLines(&t) { lookalikes.text(line) }
        files.append(lookalikes.file)
        files += benignFiles(&t)
        return files
    }

    /// Near misses for each rule: documented examples, wrong lengths or alphabets, placeholders.
    static func negativeLines(_ t: inout TokenFactory) -> [(String, String)] {
        let alnum = TokenFactory.alnum, hex = TokenFactory.hex, url = TokenFactory.base64URL
        return [
            ("aws-access-key-id", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
            ("aws-access-key-id", "id: AKIA" + t.string(TokenFactory.base32, 10)),
            ("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            ("aws-secret-access-key", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"),
            ("aws-mws-key", "amzn.mws.not-a-uuid"),
            ("gcp-service-account-key", #"{"type": "service_account", "project_id": "demo", "client_email": "svc@demo.iam.gserviceaccount.com"}"#),
            ("gcp-api-key", "maps key AIza" + t.string(url, 20)),
            ("gcp-oauth-client-secret", "GOCSPX-short"),
            ("azure-storage-connection-string", "DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<key>"),
            ("azure-storage-account-key", "AccountKey=" + t.string(TokenFactory.base64, 40)),
            ("azure-ad-client-secret", "formula: x8Q~y"),
            ("alibaba-access-key-id", "LTAI_EXAMPLE_ID"),
            ("tencent-secret-id", "AKIDEXAMPLE"),
            ("digitalocean-token", "dop_v1_" + t.string(hex, 20)),
            ("heroku-api-key", "heroku_app_id: not-a-uuid"),
            ("heroku-api-key-v2", "HRKU-AA" + t.string(url, 10)),
            ("databricks-token", "dapi_version = 2.0"),
            ("terraform-cloud-token", "endpoint: app.terraform.io/api/v2/atlasv1.health"),
            ("vault-token", "hvs.short"),
            ("pulumi-access-token", "pul-" + t.string(hex, 12)),
            ("doppler-token", "dp.st.dev"),
            ("grafana-cloud-token", "glc_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            ("grafana-service-account-token", "glsa_" + t.string(alnum, 12)),
            ("github-pat", "ghp_" + t.string(alnum, 20)),
            ("github-fine-grained-pat", "github_pat_" + t.string(alnum, 22)),
            ("github-app-token", "ghs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            ("github-oauth-token", "gho_" + t.string(alnum, 10)),
            ("github-refresh-token", "ghr_" + t.string(alnum, 12)),
            ("gitlab-pat", "glpat-xxxxxxxxxxxxxxxxxxxx"),
            ("gitlab-deploy-token", "gldt-" + t.string(url, 8)),
            ("gitlab-runner-token", "glrt-" + t.string(url, 8)),
            ("gitlab-token", "glptt-" + t.string(hex, 12)),
            ("slack-bot-token", "xoxb-123-456"),
            ("slack-user-token", "xoxp-your-token-here"),
            ("slack-legacy-token", "xoxa-xxxxxxxxxx"),
            ("slack-config-token", "xoxe-refresh"),
            ("slack-app-token", "xapp-1-abc"),
            ("slack-webhook-url", "https://hooks.slack.com/services/"),
            ("discord-bot-token", "discord_invite: https://discord.gg/" + t.string(alnum, 8)),
            ("discord-webhook-url", "https://discord.com/api/webhooks/{id}/{token}"),
            ("telegram-bot-token", "mac 00:AA:BB:CC:DD:EE"),
            ("teams-webhook-url", "https://contoso.webhook.office.com/webhookb2/"),
            ("stripe-secret-key", "STRIPE_KEY=sk_test_" + t.string(alnum, 24)),
            ("stripe-restricted-key", "rk_live_" + t.string(alnum, 8)),
            ("square-access-token", "sq0atp-" + t.string(url, 8)),
            ("square-oauth-secret", "sq0csp-" + t.string(url, 10)),
            ("braintree-access-token", "access_token$sandbox$" + t.string(alnum, 16)),
            ("shopify-access-token", "shpat_" + t.string(hex, 10)),
            ("shopify-shared-secret", "shpss_" + t.string(hex, 10)),
            ("twilio-api-key", "twilio_account_sid: AC" + t.string(hex, 32)),
            ("twilio-auth-token", "twilio_auth_token: <your-auth-token>"),
            ("sendgrid-api-key", "SG.example"),
            ("mailgun-api-key", "primary-key-rotation"),
            ("mailchimp-api-key", "locale: en-us"),
            ("npm-access-token", "npm_config_cache=/tmp/.npm"),
            ("npmrc-auth-token", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
            ("pypi-upload-token", "tokens start with pypi-AgEIcHlwaS5vcmc (truncated)"),
            ("dockerhub-pat", "dckr_pat_example"),
            ("docker-config-auth", #""auth": """#),
            ("rubygems-api-key", "rubygems_api_version"),
            ("nuget-api-key", "oy2short"),
            ("huggingface-token", "hf_hub_download(repo_id)"),
            ("openai-api-key", "sk-proj-abc"),
            ("anthropic-api-key", "sk-ant-api03-xxxx"),
            ("jwt", "header: eyJhbGciOiJIUzI1NiJ9"),
            ("kubeconfig-client-key", "client-key-data: REDACTED"),
            ("kubeconfig-token", "  user:\n    token: ${KUBE_TOKEN}"),
            ("private-key-rsa", #"const header = "-----BEGIN RSA PRIVATE KEY-----""#),
            ("private-key-ec", "-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----"),
            ("private-key-dsa", "# expects -----BEGIN DSA PRIVATE KEY----- blocks"),
            ("private-key-pkcs8", "-----BEGIN PUBLIC KEY-----\n" + t.pemBody(lines: 4) + "\n-----END PUBLIC KEY-----"),
            ("private-key-encrypted", "-----BEGIN CERTIFICATE-----\n" + t.pemBody(lines: 12) + "\n-----END CERTIFICATE-----"),
            ("private-key-openssh", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + t.string(TokenFactory.base64, 43) + " dev@laptop"),
            ("pgp-private-key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF" + t.string(TokenFactory.base64, 58) + "\n-----END PGP PUBLIC KEY BLOCK-----"),
            ("putty-private-key", "PuTTY-User-Key-File-3 format is documented upstream"),
            ("netrc-password", "machine learning models need no password"),
            ("pgpass-password", "see hostname:port:database:username:password in the docs"),
            ("url-credentials", "https://user:${GIT_TOKEN}@github.com/org/repo.git"),
            ("postgres-url", "postgres://user:password@localhost:5432/db"),
            ("mysql-url", "mysql://root:changeme@localhost/db"),
            ("mongodb-url", "mongodb://localhost:27017/test"),
            ("redis-url", "redis://localhost:6379/0"),
            ("amqp-url", "amqp://guest:<password>@localhost:5672/"),
            ("age-secret-key", "AGE-SECRET-KEY-1EXAMPLE"),
            ("atlassian-api-token", "ATATT3-placeholder"),
            ("linear-api-key", "lin_api_" + t.string(alnum, 10)),
            ("notion-token", "secret_santa_list = ['ann', 'bob']"),
            ("postman-api-key", "PMAK-xxxxxxxx"),
            ("sentry-token", "sntryu_" + t.string(hex, 10)),
            ("newrelic-user-api-key", "NRAK-SHORT"),
            ("newrelic-license-key", "NRAL license: see docs"),
            ("newrelic-insert-key", "NRII-short"),
            ("datadog-api-key", "DD_API_KEY=<DATADOG_API_KEY>"),
            ("datadog-app-key", "dd_app_key: ${DD_APP_KEY}"),
            ("facebook-access-token", "EAAC" + t.string(alnum, 20)),
            ("facebook-app-secret", "facebook_app_secret: your-app-secret"),
            ("twitter-bearer-token", "twitter_bearer_token: ${TWITTER_BEARER}"),
            ("twitter-api-secret", "twitter_api_secret: changeme"),
            ("dropbox-token", "dropbox.sl.example"),
            ("asana-token", "asana project: 1/123"),
            ("okta-api-token", "okta_api_token: {{ okta_token }}"),
            ("generic-password", "password: changeme"),
            ("generic-password", "DB_PASSWORD=${DB_PASSWORD}"),
            ("generic-password", "password = os.environ[\"DB_PASSWORD\"]"),
            ("generic-password", "\"password\": \"<password>\""),
            ("generic-password", "password=self.password"),
            ("generic-secret", "api_key: xxxxxxxxxxxxxxxxxxxxxxxx"),
            ("generic-secret", "secret_key: dummy-secret-key-value"),
            ("generic-secret", "csrf_token = generate_csrf_token"),
            ("generic-secret", "token: " + t.uuid()),
            ("generic-secret", "client_secret: example-client-secret-123"),
            ("generic-secret", "private_key_id: " + t.string(hex, 40)),
            ("generic-secret", "secret_file: /run/secrets/db-password-2024"),
            ("generic-password", "password_hash: " + t.string(hex, 64)),
            ("generic-password", "#password_encryption = scram-sha-256\t# scram-sha-256 or md5"),
            ("generic-secret", "token_endpoint: https://login.corp.internal/oauth2/v1/token"),
            ("generic-secret", "    \"secretsmanager:GetResourcePolicy\","),
            ("generic-secret", "    :type tokens: antlr4.BufferedTokenStream"),
            ("generic-secret", "    fail_on_invalid_token: InvalidTokenException,"),
            ("generic-password", "    password: SecretStr"),
            ("generic-password", "    \"PasswordLastUsed\": \"2016-09-19T22:23:44Z\","),
            ("generic-password", "user = User(username='scolvin', password='password1')"),
            ("netrc-password", "line = u'machine {hostname} login token password {auth_token}'"),
        ]
    }

    /// Files with no secret at all: prose, hashes, ids, images, certificates, public keys.
    static func benignFiles(_ t: inout TokenFactory) -> [CorpusFile] {
        var files: [CorpusFile] = []
        var lorem = CorpusFileBuilder("/usr/src/app/README.md")
        lorem.text("# Orders service\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\nSet the password in the environment, never in this file. Tokens rotate daily.\nSee https://docs.corp.internal/setup for the secret store.")
        files.append(lorem.file)
        var hashes = CorpusFileBuilder("/app/checksums.txt")
        for _ in 0..<10 { hashes.text(t.string(TokenFactory.hex, 64) + "  dist/pkg-" + t.string(TokenFactory.digits, 3) + ".tar.gz") }
        for _ in 0..<10 { hashes.text("commit " + t.string(TokenFactory.hex, 40)) }
        for _ in 0..<10 { hashes.text("request_id=" + t.uuid() + " trace_id=" + t.string(TokenFactory.hex, 32)) }
        hashes.text("integrity sha512-" + t.string(TokenFactory.base64, 86) + "==")
        files.append(hashes.file)
        var image = CorpusFileBuilder("/app/static/inline.css")
        image.text(".logo { background: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA" + t.string(TokenFactory.base64, 2000) + "=); }")
        files.append(image.file)
        var certs = CorpusFileBuilder("/etc/ssl/certs/ca.pem")
        certs.text("-----BEGIN CERTIFICATE-----\n" + t.pemBody(lines: 20) + "\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\n" + t.pemBody(lines: 6) + "\n-----END PUBLIC KEY-----")
        files.append(certs.file)
        var code = CorpusFileBuilder("/app/src/auth.py")
        code.text("""
            def login(username, password):
                token = create_token(username)
                secret = os.getenv("APP_SECRET")
                api_key = request.headers.get("X-Api-Key")
                if not check_password(password, user.password_hash):
                    raise AuthError("bad password")
                return {"token": token, "expires_in": 3600}
            """)
        files.append(code.file)
        return files
    }
}
