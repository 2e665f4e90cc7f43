import BulwarkCore

extension BuiltInSecretRules {
    /// `.netrc`, `.pgpass`, `.npmrc`, Docker `config.json`, and URLs with a password (HTTP,
    /// `.git-credentials`, PostgreSQL, MySQL, MongoDB, Redis, AMQP).
    static var credentialFileDefinitions: [Definition] {
        [
            Definition(
                "netrc-password", "Netrc", "Password in a .netrc entry", .high,
                #"(?<![A-Za-z0-9_-])machine[ \t]+[^\s]{1,255}(?:\s{1,40}(?:login|account|port|protocol)[ \t]+[^\s]{1,255}){0,4}\s{1,40}password[ \t]+(?<secret>[^\s]{1,200})"#,
                ["machine"], multiline: true, rejectsPlaceholders: true
            ),
            Definition(
                "pgpass-password", "PostgreSQL", "Password in a .pgpass file", .high,
                #"(?m)^[^:#\s][^:\r\n]{0,254}:(?:[0-9]{1,5}|\*):[^:\r\n]{1,255}:[^:\r\n]{1,255}:(?<secret>[^\r\n]{1,255})$"#,
                [], fileNames: [".pgpass", "pgpass.conf"]
            ),
            Definition(
                "npmrc-auth-token", "npm", "npm registry credential in .npmrc", .high,
                #"(?i)(?<![A-Za-z0-9])_auth(?:Token)?[ \t]{0,8}=[ \t]{0,8}["']?(?<secret>[A-Za-z0-9+/=._-]{20,512})"#,
                ["_auth"], entropy: 3.0, rejectsPlaceholders: true
            ),
            Definition(
                "docker-config-auth", "Docker", "Registry credential in a Docker config.json", .high,
                #""auth"[ \t]{0,8}:[ \t]{0,8}"(?<secret>[A-Za-z0-9+/]{12,800}={0,2})""#, [#""auth""#], entropy: 3.0
            ),
            url("url-credentials", "URL", "Password in an HTTP(S) or git-credentials URL", #"https?"#, ["http://", "https://"]),
            url("postgres-url", "PostgreSQL", "Password in a PostgreSQL connection URL", #"postgres(?:ql)?(?:\+[a-z0-9]{1,20})?"#, ["postgres"]),
            url("mysql-url", "MySQL", "Password in a MySQL connection URL", #"(?:mysql|mariadb)(?:x)?(?:\+[a-z0-9]{1,20})?"#, ["mysql", "mariadb"]),
            url("mongodb-url", "MongoDB", "Password in a MongoDB connection URL", #"mongodb(?:\+srv)?"#, ["mongodb"]),
            url("redis-url", "Redis", "Password in a Redis connection URL", #"rediss?"#, ["redis"]),
            url("amqp-url", "AMQP", "Password in an AMQP (RabbitMQ) connection URL", #"amqps?"#, ["amqp"]),
        ]
    }

    /// `scheme://user:password@host`, the user possibly empty (Redis).
    private static func url(_ id: String, _ category: String, _ title: String, _ scheme: String, _ keywords: [String]) -> Definition {
        Definition(
            id, category, title, .high,
            #"(?i)(?<![A-Za-z0-9+])"# + scheme + #"://[^:/\s@"'<>]{0,100}+:(?<secret>[^@/\s"'<>]{3,200}+)@[A-Za-z0-9_.-]{1,253}"#,
            keywords, rejectsPlaceholders: true
        )
    }
}
