import BulwarkCore

extension BuiltInSecretRules {
    /// Package registries (npm, PyPI, Docker Hub, RubyGems, NuGet), AI platforms, JWTs and
    /// Kubernetes credentials.
    static var developerToolDefinitions: [Definition] {
        [
            Definition(
                "npm-access-token", "npm", "npm access token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#, ["npm_"]
            ),
            Definition(
                "pypi-upload-token", "PyPI", "PyPI upload token", .critical,
                tokenStart + #"(?<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000})"# + tokenEnd,
                ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"]
            ),
            Definition(
                "dockerhub-pat", "Docker", "Docker Hub access token", .critical,
                tokenStart + #"(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})"# + tokenEnd, ["dckr_pat_", "dckr_oat_"]
            ),
            Definition(
                "rubygems-api-key", "RubyGems", "RubyGems API key", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>rubygems_[a-f0-9]{48})(?![A-Za-z0-9])"#, ["rubygems_"]
            ),
            Definition(
                "nuget-api-key", "NuGet", "NuGet API key", .high,
                #"(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])"#, ["oy2"], entropy: 3.5
            ),
            Definition(
                "huggingface-token", "HuggingFace", "Hugging Face access token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>(?:hf_|api_org_)[A-Za-z]{34})(?![A-Za-z0-9])"#, ["hf_", "api_org_"], entropy: 3.5
            ),
            Definition(
                "openai-api-key", "OpenAI", "OpenAI API key", .critical,
                tokenStart
                    + #"(?<secret>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"#
                    + tokenEnd,
                ["sk-proj-", "sk-svcacct-", "sk-admin-", "t3blbkfj"], entropy: 3.5
            ),
            Definition(
                "anthropic-api-key", "Anthropic", "Anthropic API key", .critical,
                tokenStart + #"(?<secret>sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA)"# + tokenEnd,
                ["sk-ant-api03-", "sk-ant-admin01-"]
            ),
            Definition(
                "kubeconfig-client-key", "Kubernetes", "Kubernetes client key in a kubeconfig", .critical,
                #"client-key-data["']?[ \t]{0,8}:[ \t]{0,8}["']?(?<secret>[A-Za-z0-9+/]{40,20000}={0,2})"#, ["client-key-data"]
            ),
            Definition(
                "kubeconfig-token", "Kubernetes", "Kubernetes user token in a kubeconfig", .high,
                #"(?<![A-Za-z0-9_-])user:[ \t]*\r?\n(?:[ \t]+[A-Za-z-]{1,40}:[^\n]{0,300}\r?\n){0,6}?[ \t]+token:[ \t]{0,8}["']?(?<secret>[A-Za-z0-9._~+/=-]{20,4000})"#,
                ["user:"], entropy: 3.0, multiline: true
            ),
            Definition(
                "jwt", "JWT", "JSON Web Token", .medium,
                tokenStart + #"(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,1000})"# + tokenEnd,
                ["eyj"]
            ),
        ]
    }
}
