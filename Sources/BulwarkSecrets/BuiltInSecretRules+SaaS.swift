import BulwarkCore

extension BuiltInSecretRules {
    /// Atlassian, Linear, Notion, Postman, Sentry, New Relic, Datadog, Facebook, Twitter, Dropbox,
    /// Asana, Okta, age.
    static var saasDefinitions: [Definition] {
        [
            Definition(
                "age-secret-key", "age", "age secret key", .critical,
                #"(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})"#, ["age-secret-key-1"]
            ),
            Definition(
                "atlassian-api-token", "Atlassian", "Atlassian API token", .high,
                tokenStart + #"(?<secret>ATATT3[A-Za-z0-9_=-]{180,200})(?![A-Za-z0-9_=-])"#, ["atatt3"]
            ),
            Definition(
                "linear-api-key", "Linear", "Linear API key", .high,
                #"(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9])"#, ["lin_api_"]
            ),
            Definition(
                "notion-token", "Notion", "Notion integration token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])"#,
                ["secret_", "ntn_"], entropy: 3.5
            ),
            Definition(
                "postman-api-key", "Postman", "Postman API key", .high,
                #"(?<![A-Za-z0-9])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9])"#, ["pmak-"]
            ),
            Definition(
                "sentry-token", "Sentry", "Sentry auth token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/=_-]{60,400}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9])"#,
                ["sntrys_", "sntryu_"]
            ),
            Definition(
                "newrelic-user-api-key", "NewRelic", "New Relic user API key", .high,
                #"(?<![A-Za-z0-9])(?<secret>NRAK-[A-Z0-9]{27})(?![A-Za-z0-9])"#, ["nrak-"]
            ),
            Definition(
                "newrelic-license-key", "NewRelic", "New Relic license key", .high,
                #"(?<![A-Za-z0-9])(?<secret>[a-fA-F0-9]{36}NRAL)(?![A-Za-z0-9])"#, ["nral"]
            ),
            Definition(
                "newrelic-insert-key", "NewRelic", "New Relic insert key", .high,
                #"(?<![A-Za-z0-9])(?<secret>NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])"#, ["nrii-"]
            ),
            Definition(
                "datadog-api-key", "Datadog", "Datadog API key", .high,
                #"(?i)(?:datadog|dd)[_-]?api[_-]?key"# + assign + #"(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
                ["datadog", "dd_api", "dd-api", "ddapi"], entropy: 3.0
            ),
            Definition(
                "datadog-app-key", "Datadog", "Datadog application key", .high,
                #"(?i)(?:datadog|dd)[_-]?app(?:lication)?[_-]?key"# + assign + #"(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])"#,
                ["datadog", "dd_app", "dd-app", "ddapp"], entropy: 3.0
            ),
            Definition(
                "facebook-access-token", "Facebook", "Facebook access token", .high,
                #"(?<![A-Za-z0-9])(?<secret>EAA[MC][A-Za-z0-9]{100,300})(?![A-Za-z0-9])"#, ["eaam", "eaac"], entropy: 3.5
            ),
            Definition(
                "facebook-app-secret", "Facebook", "Facebook app secret", .high,
                #"(?i)(?:facebook|fb)[_-]?(?:app)?[_-]?secret"# + assign + #"(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
                ["facebook", "fb_app", "fb_secret", "fbsecret", "fb-app", "fbapp"], entropy: 3.0
            ),
            Definition(
                "twitter-bearer-token", "Twitter", "Twitter (X) bearer token", .high,
                #"(?i)twitter[a-z0-9_ .-]{0,25}"# + assign + #"(?<secret>A{20,22}[A-Za-z0-9%]{30,150})(?![A-Za-z0-9%])"#, ["twitter"]
            ),
            Definition(
                "twitter-api-secret", "Twitter", "Twitter (X) API secret", .high,
                #"(?i)twitter[a-z0-9_ .-]{0,20}(?:api|consumer)[_ .-]?secret"# + assign + #"(?<secret>[A-Za-z0-9]{50})(?![A-Za-z0-9])"#,
                ["twitter"], entropy: 3.5
            ),
            Definition(
                "dropbox-token", "Dropbox", "Dropbox access token", .high,
                #"(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,300})(?![A-Za-z0-9_-])"#, ["sl."], entropy: 4.0
            ),
            Definition(
                "asana-token", "Asana", "Asana personal access token", .high,
                #"(?i)asana[^\n]{0,40}?(?<![0-9])(?<secret>[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32})(?![A-Za-z0-9])"#,
                ["asana"]
            ),
            Definition(
                "okta-api-token", "Okta", "Okta API token", .high,
                #"(?i)okta[a-z0-9_ .-]{0,25}"# + assign + #"(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])"#, ["okta"], entropy: 3.5
            ),
        ]
    }
}
