import BulwarkCore

extension BuiltInSecretRules {
    /// GitHub and GitLab tokens.
    static var sourceControlDefinitions: [Definition] {
        [
            Definition(
                "github-pat", "GitHub", "GitHub personal access token (classic)", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#, ["ghp_"]
            ),
            Definition(
                "github-fine-grained-pat", "GitHub", "GitHub fine-grained personal access token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])"#, ["github_pat_"]
            ),
            Definition(
                "github-app-token", "GitHub", "GitHub App installation or user-to-server token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>gh[su]_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#, ["ghs_", "ghu_"]
            ),
            Definition(
                "github-oauth-token", "GitHub", "GitHub OAuth access token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>gho_[A-Za-z0-9]{36})(?![A-Za-z0-9])"#, ["gho_"]
            ),
            Definition(
                "github-refresh-token", "GitHub", "GitHub refresh token", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>ghr_[A-Za-z0-9]{36,76})(?![A-Za-z0-9])"#, ["ghr_"]
            ),
            Definition(
                "gitlab-pat", "GitLab", "GitLab personal access token", .critical,
                tokenStart + #"(?<secret>glpat-[A-Za-z0-9_-]{20,64})"# + tokenEnd, ["glpat-"], entropy: 3.0
            ),
            Definition(
                "gitlab-deploy-token", "GitLab", "GitLab deploy token", .high,
                tokenStart + #"(?<secret>gldt-[A-Za-z0-9_-]{20,64})"# + tokenEnd, ["gldt-"], entropy: 3.0
            ),
            Definition(
                "gitlab-runner-token", "GitLab", "GitLab runner token", .high,
                tokenStart + #"(?<secret>glrt-[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20})"# + tokenEnd,
                ["glrt-", "gr1348941"], entropy: 3.0
            ),
            Definition(
                "gitlab-token", "GitLab", "GitLab token (pipeline trigger, OAuth, CI job, feed, agent, SCIM)", .high,
                tokenStart
                    + #"(?<secret>glptt-[0-9a-f]{40}|gloas-[0-9a-f]{64}|glcbt-[0-9a-fA-F]{1,5}_[A-Za-z0-9_-]{20}|glft-[A-Za-z0-9_-]{20}|glimt-[A-Za-z0-9_-]{25}|glagent-[A-Za-z0-9_-]{50}|glsoat-[A-Za-z0-9_-]{20})"#
                    + tokenEnd,
                ["glptt-", "gloas-", "glcbt-", "glft-", "glimt-", "glagent-", "glsoat-"], entropy: 3.0
            ),
        ]
    }
}
