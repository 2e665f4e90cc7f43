import BulwarkCore

extension BuiltInSecretRules {
    /// Slack, Discord, Telegram, Microsoft Teams, SendGrid, Mailgun, Mailchimp, Twilio.
    static var messagingDefinitions: [Definition] {
        [
            Definition(
                "slack-bot-token", "Slack", "Slack bot token", .high,
                #"(?<![A-Za-z0-9_-])(?<secret>xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34})"# + tokenEnd, ["xoxb-"]
            ),
            Definition(
                "slack-user-token", "Slack", "Slack user token", .high,
                #"(?<![A-Za-z0-9_-])(?<secret>xoxp(?:-[0-9]{10,13}){3}-[A-Za-z0-9]{28,34})"# + tokenEnd, ["xoxp-"]
            ),
            Definition(
                "slack-legacy-token", "Slack", "Slack legacy or workspace token", .high,
                #"(?<![A-Za-z0-9_-])(?<secret>xox[aros]-(?:[0-9]{1,13}-){0,3}[A-Za-z0-9]{8,48})"# + tokenEnd,
                ["xoxa-", "xoxr-", "xoxo-", "xoxs-"], entropy: 3.0
            ),
            Definition(
                "slack-config-token", "Slack", "Slack configuration token", .high,
                #"(?<![A-Za-z0-9_-])(?<secret>xoxe(?:\.xox[bp])?-[0-9]-[A-Z0-9]{140,170})"# + tokenEnd, ["xoxe"]
            ),
            Definition(
                "slack-app-token", "Slack", "Slack app-level token", .high,
                #"(?<![A-Za-z0-9_-])(?<secret>xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,14}-[a-f0-9]{32,80})"# + tokenEnd, ["xapp-"]
            ),
            Definition(
                "slack-webhook-url", "Slack", "Slack incoming webhook URL", .medium,
                #"hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_-]{8,20}/[A-Za-z0-9_-]{8,20}/[A-Za-z0-9_-]{20,64})"#,
                ["hooks.slack.com"]
            ),
            Definition(
                "discord-bot-token", "Discord", "Discord bot token", .high,
                #"(?i)discord[a-z0-9_ .-]{0,25}"# + assign
                    + #"(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})"# + tokenEnd, ["discord"]
            ),
            Definition(
                "discord-webhook-url", "Discord", "Discord webhook URL", .medium,
                #"discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/(?<secret>[A-Za-z0-9_-]{60,68})"# + tokenEnd,
                ["discord.com/api/webhooks", "discordapp.com/api/webhooks"]
            ),
            Definition(
                "telegram-bot-token", "Telegram", "Telegram bot token", .high,
                #"(?<![0-9])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})"# + tokenEnd, [":aa"]
            ),
            Definition(
                "teams-webhook-url", "Microsoft", "Microsoft Teams incoming webhook URL", .medium,
                #"\.webhook\.office\.com/webhookb2/(?<secret>[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36})"#,
                ["webhook.office.com"]
            ),
            Definition(
                "sendgrid-api-key", "SendGrid", "SendGrid API key", .high,
                tokenStart + #"(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})"# + tokenEnd, ["sg."]
            ),
            Definition(
                "mailgun-api-key", "Mailgun", "Mailgun private API key", .high,
                tokenStart + #"(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])"#, ["key-"], entropy: 3.0
            ),
            Definition(
                "mailchimp-api-key", "Mailchimp", "Mailchimp API key", .high,
                #"(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])"#, ["-us"], entropy: 3.0
            ),
            Definition(
                "twilio-api-key", "Twilio", "Twilio API key", .high,
                #"(?i)twilio[^\n]{0,40}?(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])"#, ["twilio"]
            ),
            Definition(
                "twilio-auth-token", "Twilio", "Twilio auth token", .high,
                #"(?i)twilio[a-z0-9_ .-]{0,20}auth[_ .-]?token"# + assign + #"(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#, ["twilio"]
            ),
        ]
    }
}
