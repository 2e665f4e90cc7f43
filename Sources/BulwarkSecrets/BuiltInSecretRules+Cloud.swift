import BulwarkCore

extension BuiltInSecretRules {
    /// AWS, Google Cloud, Azure, Alibaba, Tencent, DigitalOcean, Heroku, Databricks, HashiCorp,
    /// Pulumi, Doppler, Grafana.
    static var cloudDefinitions: [Definition] {
        [
            Definition(
                "aws-access-key-id", "AWS", "AWS access key ID", .critical,
                #"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])"#,
                ["akia", "asia", "abia", "acca", "a3t"], entropy: 3.0
            ),
            Definition(
                "aws-secret-access-key", "AWS", "AWS secret access key", .critical,
                #"(?i)(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key)"# + assign
                    + #"(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#,
                ["secret_access_key", "secretaccesskey", "aws_secret_key", "awssecretkey"], entropy: 4.0
            ),
            Definition(
                "aws-mws-key", "AWS", "Amazon MWS auth token", .high,
                #"(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#, ["amzn.mws."]
            ),
            Definition(
                "gcp-service-account-key", "GCP", "Google Cloud service account key", .critical,
                #""type"[ \t]{0,8}:[ \t]{0,8}"service_account"[\s\S]{0,4000}?"private_key"[ \t]{0,8}:[ \t]{0,8}"(?<secret>-----BEGIN[A-Z ]{0,20}PRIVATE KEY-----[^"]{64,6000})""#,
                ["service_account"], multiline: true
            ),
            Definition(
                "gcp-api-key", "GCP", "Google API key", .high,
                tokenStart + #"(?<secret>AIza[0-9A-Za-z_-]{35})"# + tokenEnd, ["aiza"], entropy: 3.5
            ),
            Definition(
                "gcp-oauth-client-secret", "GCP", "Google OAuth client secret", .high,
                tokenStart + #"(?<secret>GOCSPX-[A-Za-z0-9_-]{28})"# + tokenEnd, ["gocspx-"]
            ),
            Definition(
                "azure-storage-connection-string", "Azure", "Azure storage connection string", .critical,
                #"(?i)DefaultEndpointsProtocol=https?;AccountName=[A-Za-z0-9]{3,24};AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)"#,
                ["defaultendpointsprotocol"]
            ),
            Definition(
                "azure-storage-account-key", "Azure", "Azure storage account key", .critical,
                #"(?i)(?:AccountKey|azure_?storage_?(?:account_?)?(?:access_?)?key)"# + assign + #"(?<secret>[A-Za-z0-9+/]{86}==)"#,
                ["accountkey", "azure_storage", "azurestorage"]
            ),
            Definition(
                "azure-ad-client-secret", "Azure", "Azure AD (Entra ID) client secret", .high,
                #"(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])"#, ["q~"],
                entropy: 3.5
            ),
            Definition(
                "alibaba-access-key-id", "Alibaba", "Alibaba Cloud AccessKey ID", .high,
                #"(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])"#, ["ltai"], entropy: 3.0
            ),
            Definition(
                "tencent-secret-id", "Tencent", "Tencent Cloud SecretId", .high,
                #"(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])"#, ["akid"], entropy: 3.5
            ),
            Definition(
                "digitalocean-token", "DigitalOcean", "DigitalOcean token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9])"#, ["dop_v1_", "doo_v1_", "dor_v1_"]
            ),
            Definition(
                "heroku-api-key", "Heroku", "Heroku API key", .high,
                #"(?i)heroku[a-z0-9_ .-]{0,25}"# + assign
                    + #"(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])"#, ["heroku"]
            ),
            Definition(
                "heroku-api-key-v2", "Heroku", "Heroku platform key", .high,
                tokenStart + #"(?<secret>HRKU-AA[0-9A-Za-z_-]{58})"# + tokenEnd, ["hrku-aa"]
            ),
            Definition(
                "databricks-token", "Databricks", "Databricks access token", .high,
                #"(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-[0-9])?)(?![A-Za-z0-9])"#, ["dapi"], entropy: 3.0
            ),
            Definition(
                "terraform-cloud-token", "HashiCorp", "Terraform Cloud / Enterprise API token", .critical,
                #"(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])"#, ["atlasv1."]
            ),
            Definition(
                "vault-token", "HashiCorp", "HashiCorp Vault token", .critical,
                #"(?<![A-Za-z0-9_.-])(?<secret>hv[sb]\.[A-Za-z0-9_-]{24,300})(?![A-Za-z0-9_-])"#, ["hvs.", "hvb."], entropy: 3.5
            ),
            Definition(
                "pulumi-access-token", "Pulumi", "Pulumi access token", .high,
                tokenStart + #"(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9])"#, ["pul-"]
            ),
            Definition(
                "doppler-token", "Doppler", "Doppler token", .high,
                #"(?<![A-Za-z0-9_.-])(?<secret>dp\.(?:st|pt|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9])"#,
                ["dp.st.", "dp.pt.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."]
            ),
            Definition(
                "grafana-cloud-token", "Grafana", "Grafana Cloud API token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})"#, ["glc_"], entropy: 3.5
            ),
            Definition(
                "grafana-service-account-token", "Grafana", "Grafana service account token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9])"#, ["glsa_"]
            ),
        ]
    }
}
