import Foundation
import BulwarkConfig
import BulwarkCore

/// Positive/negative examples for every Kubernetes rule.
enum KubernetesRuleCases {
    /// A hardened container security context, indented for a container entry.
    static let context = [
        "        securityContext:",
        "          allowPrivilegeEscalation: false",
        "          runAsNonRoot: true",
        "          readOnlyRootFilesystem: true",
        "          capabilities: {drop: [ALL]}",
        "          seccompProfile: {type: RuntimeDefault}",
        "        resources: {limits: {cpu: 500m, memory: 128Mi}}",
    ].joined(separator: "\n") + "\n"

    /// A Deployment (line 1) whose container starts at line 10 with `image` on line 11 (plus the lines
    /// `pod` adds before `containers`). Pod-level extras are indented 6 spaces, container extras 8.
    static func deployment(pod: String = "", container: String = "", image: String = "nginx:1.27", context: String = context) -> String {
        [
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: web",
            "spec:",
            "  template:",
            "    spec:",
            "      automountServiceAccountToken: false",
        ].joined(separator: "\n") + "\n" + pod + "      containers:\n      - name: web\n        image: \(image)\n" + context + container
    }

    static let all: [RuleCase] = [
        RuleCase(ruleID: "BW-K8S-001", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "allowPrivilegeEscalation: false", with: "allowPrivilegeEscalation: false\n          privileged: true")), negative: deployment(), line: 14),
        RuleCase(ruleID: "BW-K8S-002", kind: .kubernetes, positive: deployment(pod: "      hostPID: true\n"), negative: deployment(pod: "      hostPID: false\n"), line: 9),
        RuleCase(ruleID: "BW-K8S-003", kind: .kubernetes, positive: deployment(pod: "      volumes:\n      - name: h\n        hostPath: {path: /var/log}\n"), negative: deployment(pod: "      volumes:\n      - name: e\n        emptyDir: {}\n"), line: 11),
        RuleCase(ruleID: "BW-K8S-004", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "{drop: [ALL]}", with: "{drop: [ALL], add: [NET_BIND_SERVICE, SYS_ADMIN]}")), negative: deployment(context: context.replacingOccurrences(of: "{drop: [ALL]}", with: "{drop: [ALL], add: [NET_BIND_SERVICE]}"))),
        RuleCase(ruleID: "BW-K8S-005", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "{drop: [ALL]}", with: "{drop: [NET_RAW]}")), negative: deployment(), line: 16),
        RuleCase(ruleID: "BW-K8S-006", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "allowPrivilegeEscalation: false", with: "allowPrivilegeEscalation: true")), negative: deployment(), line: 13),
        RuleCase(ruleID: "BW-K8S-007", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "runAsNonRoot: true", with: "runAsUser: 0")), negative: deployment(pod: "      securityContext: {runAsNonRoot: true}\n", context: context.replacingOccurrences(of: "runAsNonRoot: true", with: "privileged: false")), line: 14),
        RuleCase(ruleID: "BW-K8S-008", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "RuntimeDefault", with: "Unconfined")), negative: deployment(pod: "      securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n", context: context.replacingOccurrences(of: "seccompProfile: {type: RuntimeDefault}", with: "privileged: false")), line: 17),
        RuleCase(ruleID: "BW-K8S-009", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "readOnlyRootFilesystem: true", with: "readOnlyRootFilesystem: false")), negative: deployment(), line: 15),
        RuleCase(ruleID: "BW-K8S-010", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "runAsNonRoot: true", with: "runAsNonRoot: true\n          procMount: Unmasked")), negative: deployment(context: context.replacingOccurrences(of: "runAsNonRoot: true", with: "runAsNonRoot: true\n          procMount: Default"))),
        RuleCase(ruleID: "BW-K8S-011", kind: .kubernetes, positive: deployment(pod: "      securityContext:\n        sysctls:\n        - {name: kernel.msgmax, value: \"65536\"}\n"), negative: deployment(pod: "      securityContext:\n        sysctls:\n        - {name: net.ipv4.tcp_syncookies, value: \"1\"}\n"), line: 11),
        RuleCase(ruleID: "BW-K8S-012", kind: .kubernetes, positive: deployment(pod: "      securityContext:\n        seLinuxOptions: {type: spc_t}\n"), negative: deployment(pod: "      securityContext:\n        seLinuxOptions: {level: \"s0:c123,c456\", type: container_t}\n        appArmorProfile: {type: RuntimeDefault}\n"), line: 10),
        RuleCase(ruleID: "BW-K8S-013", kind: .kubernetes, positive: deployment(container: "        ports:\n        - {containerPort: 80, hostPort: 8080}\n"), negative: deployment(container: "        ports:\n        - {containerPort: 80}\n")),
        RuleCase(ruleID: "BW-K8S-014", kind: .kubernetes, positive: deployment(context: context.replacingOccurrences(of: "{cpu: 500m, memory: 128Mi}", with: "{cpu: 500m}")), negative: deployment(), line: 18),
        RuleCase(ruleID: "BW-K8S-015", kind: .kubernetes, positive: deployment(image: "registry.example.com/team/app"), negative: deployment(image: "registry.example.com:5000/team/app:2.1"), line: 11),
        RuleCase(ruleID: "BW-K8S-016", kind: .kubernetes, positive: deployment(image: "nginx:1.27"), negative: deployment(image: "nginx:1.27@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d"), options: ConfigScanOptions(requireDigest: true), line: 11),
        RuleCase(ruleID: "BW-K8S-017", kind: .kubernetes, positive: deployment().replacingOccurrences(of: "automountServiceAccountToken: false", with: "automountServiceAccountToken: true"), negative: deployment(), line: 8),
        RuleCase(ruleID: "BW-K8S-018", kind: .kubernetes, positive: deployment(pod: "      runtimeClassName: runc\n"), negative: deployment(pod: "      runtimeClassName: gvisor\n"), options: ConfigScanOptions(requiredRuntimeClasses: ["gvisor", "kata"]), line: 9),
        RuleCase(ruleID: "BW-K8S-019", kind: .kubernetes,
                 positive: "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec:\n  mtls:\n    mode: PERMISSIVE\n",
                 negative: "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default}\nspec:\n  mtls:\n    mode: STRICT\n", line: 6),
        RuleCase(ruleID: "BW-K8S-020", kind: .kubernetes, positive: deployment(image: "quay.io/other/app:1.0"), negative: deployment(image: "nginx:1.27"), options: ConfigScanOptions(trustedRegistries: ["docker.io"]), line: 11),
    ]
}
