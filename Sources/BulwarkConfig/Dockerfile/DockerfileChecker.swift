import BulwarkCore
import Foundation

/// Runs the Dockerfile rules over a parsed Dockerfile.
struct DockerfileChecker {
    typealias Rules = DockerfileRules
    let dockerfile: Dockerfile
    /// Whether a `.dockerignore` (or `<name>.dockerignore`) exists beside the file.
    let hasDockerignore: Bool

    func check(into collector: inout FindingCollector) {
        let stageNames = Set(dockerfile.stages.compactMap(\.name))
        for stage in dockerfile.stages {
            checkFrom(stage, stageNames: stageNames, into: &collector)
            var commands: [DockerInstruction] = []
            var entrypoints: [DockerInstruction] = []
            var variables = dockerfile.globalArguments
            for instruction in stage.instructions {
                switch instruction.keyword {
                case "RUN": checkRun(instruction, into: &collector)
                case "ADD": checkAdd(instruction, into: &collector)
                case "COPY": checkCopy(instruction, into: &collector)
                case "ENV", "ARG": checkVariables(instruction, variables: &variables, into: &collector)
                case "EXPOSE": checkExpose(instruction, into: &collector)
                case "WORKDIR": checkWorkdir(instruction, variables: variables, into: &collector)
                case "CMD": commands.append(instruction)
                case "ENTRYPOINT": entrypoints.append(instruction)
                default: break
                }
            }
            for extra in commands.dropLast() + entrypoints.dropLast() {
                collector.add(
                    Rules.multipleCommands, line: extra.line, endLine: extra.endLine,
                    "\(extra.keyword) is overridden by a later \(extra.keyword) in the same stage")
            }
            if stage.index == dockerfile.stages.count - 1 {
                if let entrypoint = entrypoints.last, entrypoint.execForm == nil {
                    collector.add(Rules.shellEntrypoint, line: entrypoint.line, endLine: entrypoint.endLine, "ENTRYPOINT uses the shell form; the program will not receive signals")
                } else if entrypoints.isEmpty, let command = commands.last, command.execForm == nil {
                    collector.add(Rules.shellEntrypoint, line: command.line, endLine: command.endLine, "CMD uses the shell form; the program will not receive signals")
                }
            }
        }
        checkFinalStage(into: &collector)
    }

    // MARK: FROM

    private func checkFrom(_ stage: DockerStage, stageNames: Set<String>, into collector: inout FindingCollector) {
        let image = stage.baseImage
        if image.isEmpty || image.lowercased() == "scratch" || stageNames.contains(image.lowercased()) || ImageName.isDynamic(image) { return }
        let name = ImageName(image)
        let line = stage.from.line
        if name.usesLatest {
            collector.add(Rules.latestTag, line: line, "base image '\(image)' \(name.tag == nil ? "has no tag" : "uses the latest tag")")
        }
        if collector.options.requireDigest, name.digest == nil {
            collector.add(Rules.digestPin, line: line, "base image '\(image)' is not pinned by digest")
        }
        if !collector.options.trustedRegistries.isEmpty, !name.isTrusted(by: collector.options.trustedRegistries) {
            collector.add(Rules.untrustedRegistry, line: line, "base image '\(image)' comes from \(name.registry), which is not a trusted registry")
        }
    }

    // MARK: USER / HEALTHCHECK

    private func checkFinalStage(into collector: inout FindingCollector) {
        guard let final = dockerfile.finalStage else { return }
        let lastUser = final.instructions.last(where: { $0.keyword == "USER" })
        if let lastUser {
            let user = lastUser.arguments.split(separator: ":").first.map(String.init) ?? ""
            if user == "root" || user == "0" {
                collector.add(Rules.userRoot, line: lastUser.line, "the final stage's last USER is \(user)")
            }
        } else if final.baseImage.lowercased() != "scratch" || final.instructions.contains(where: { $0.keyword == "RUN" }) {
            collector.add(Rules.userRoot, line: final.from.line, "the final stage has no USER instruction, so it runs as root")
        }
        if !final.instructions.contains(where: { $0.keyword == "HEALTHCHECK" }) {
            collector.add(Rules.healthcheck, line: final.from.line, "the final stage has no HEALTHCHECK")
        }
    }

    // MARK: RUN

    private func checkRun(_ instruction: DockerInstruction, into collector: inout FindingCollector) {
        let commands = ShellWords.commands(in: instruction.shellText)
        let usesCacheMount = (instruction.flags["mount"] ?? "").contains("type=cache")
        var reportedSudo = false
        var installs: [PackageInstall] = []
        var updates: [String] = []
        var cleaned: Set<PackageInstall.Manager> = []
        for (position, command) in commands.enumerated() {
            if command.words.contains("sudo"), !reportedSudo {
                reportedSudo = true
                collector.add(Rules.sudo, line: instruction.line, endLine: instruction.endLine, "RUN uses sudo")
            }
            let words = ShellWords.unwrapped(command.words)
            guard let program = words.first.map(basename) else { continue }
            if command.pipesToNext, program == "curl" || program == "wget", position + 1 < commands.count,
                let next = ShellWords.unwrapped(commands[position + 1].words).first.map(basename),
                ["sh", "bash", "zsh", "ash", "dash", "ksh", "python", "python3", "perl", "ruby", "node"].contains(next)
            {
                collector.add(Rules.pipeToShell, line: instruction.line, endLine: instruction.endLine, "output of \(program) is piped into \(next)")
            }
            if program == "chmod", let mode = words.dropFirst().first(where: { !$0.hasPrefix("-") }), Self.isWorldWritable(mode) {
                collector.add(Rules.worldWritable, line: instruction.line, endLine: instruction.endLine, "chmod \(mode) makes files writable by everyone")
            }
            if let install = PackageInstall(words: words) {
                if install.isUpdate {
                    updates.append(install.manager.rawValue)
                } else if install.isCleanup {
                    cleaned.insert(install.manager)
                } else {
                    installs.append(install)
                }
            }
            if program == "rm" {
                let paths = words.joined(separator: " ")
                if paths.contains("/var/lib/apt/lists") { cleaned.insert(.apt) }
                if paths.contains("/var/cache/apk") { cleaned.insert(.apk) }
                if paths.contains("/var/cache/yum") { cleaned.insert(.yum) }
                if paths.contains("/var/cache/dnf") { cleaned.insert(.dnf) }
                if paths.contains(".cache/pip") { cleaned.insert(.pip) }
            }
        }
        if !updates.isEmpty, installs.isEmpty, commands.allSatisfy({ command in
            PackageInstall(words: ShellWords.unwrapped(command.words)).map { $0.isUpdate || $0.isCleanup } ?? false
        }) {
            collector.add(Rules.updateAlone, line: instruction.line, endLine: instruction.endLine, "\(updates[0]) index update runs alone; later installs will use a stale cached index")
        }
        if updates.contains(PackageInstall.Manager.apt.rawValue), !usesCacheMount, !cleaned.contains(.apt) {
            collector.add(Rules.packageCache, line: instruction.line, endLine: instruction.endLine, "apt-get update lists are not removed in this RUN (rm -rf /var/lib/apt/lists/*)")
        }
        for install in installs {
            if !install.unpinned.isEmpty {
                collector.add(
                    Rules.unpinnedPackages, line: instruction.line, endLine: instruction.endLine,
                    "\(install.manager.rawValue) installs without pinned versions: \(install.unpinned.prefix(5).joined(separator: ", "))")
            }
            if install.manager == .apt, !install.flags.contains("--no-install-recommends"),
                !install.flags.contains(where: { $0.contains("Install-Recommends=false") || $0.contains("Install-Recommends=0") })
            {
                collector.add(Rules.installRecommends, line: instruction.line, endLine: instruction.endLine, "apt-get install without --no-install-recommends")
            }
            // apt's package lists come from `apt-get update` (checked below); Debian/Ubuntu images delete .debs themselves.
            if install.manager != .apt, !usesCacheMount, !install.leavesNoCache, !cleaned.contains(install.manager) {
                collector.add(Rules.packageCache, line: instruction.line, endLine: instruction.endLine, "\(install.manager.rawValue) cache is not removed in this RUN")
            }
        }
    }

    private func basename(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }

    /// Whether a chmod mode grants write to others (`777`, `o+w`, `a+w`, `+w` counts only with `o`/`a`).
    static func isWorldWritable(_ mode: String) -> Bool {
        if mode.allSatisfy({ $0.isNumber }), let last = mode.last, let digit = last.wholeNumberValue, mode.count >= 3 {
            return digit & 2 != 0
        }
        return mode.split(separator: ",").contains { clause in
            guard let operatorIndex = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { return false }
            let who = clause[..<operatorIndex]
            return (who.contains("o") || who.contains("a")) && clause[operatorIndex...].contains("w")
        }
    }

    // MARK: ADD / COPY

    private func checkAdd(_ instruction: DockerInstruction, into collector: inout FindingCollector) {
        checkPermissions(instruction, into: &collector)
        let sources = copySources(instruction)
        let remote = sources.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("git@") }
        if !remote.isEmpty {
            if instruction.flags["checksum"] == nil {
                collector.add(Rules.addURL, line: instruction.line, endLine: instruction.endLine, "ADD fetches \(remote[0]) without a checksum")
            }
            return
        }
        let archiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst"]
        let unpacksArchive = sources.contains { source in archiveSuffixes.contains { source.lowercased().hasSuffix($0) } }
        if !unpacksArchive, instruction.heredocs.isEmpty {
            collector.add(Rules.addInsteadOfCopy, line: instruction.line, endLine: instruction.endLine, "ADD copies local files; use COPY")
        }
    }

    private func checkCopy(_ instruction: DockerInstruction, into collector: inout FindingCollector) {
        checkPermissions(instruction, into: &collector)
        guard instruction.flags["from"] == nil, !hasDockerignore else { return }
        if copySources(instruction).contains(where: { $0 == "." || $0 == "./" || $0 == "*" || $0 == "./*" }) {
            collector.add(Rules.copyContext, line: instruction.line, endLine: instruction.endLine, "COPY copies the whole build context and there is no .dockerignore")
        }
    }

    private func checkPermissions(_ instruction: DockerInstruction, into collector: inout FindingCollector) {
        if let mode = instruction.flags["chmod"], Self.isWorldWritable(mode) {
            collector.add(Rules.permissiveCopy, line: instruction.line, endLine: instruction.endLine, "\(instruction.keyword) --chmod=\(mode) makes files writable by everyone")
        }
    }

    /// The sources of a COPY/ADD (all words but the destination).
    private func copySources(_ instruction: DockerInstruction) -> [String] {
        let words = instruction.execForm ?? ShellWords.split(instruction.arguments)
        return Array(words.dropLast())
    }

    // MARK: ENV / ARG / EXPOSE / WORKDIR

    private func checkVariables(_ instruction: DockerInstruction, variables: inout [String: String], into collector: inout FindingCollector) {
        let pairs = DockerfileParser.keyValuePairs(instruction.arguments, allowBare: instruction.keyword == "ARG")
        for (name, value) in pairs {
            let expanded = VariableExpander(variables: variables).expand(value, escape: dockerfile.escape)
            variables[name] = variables[name] ?? expanded
            if instruction.keyword == "ENV" { variables[name] = expanded }
            if SecretHeuristics.looksLikeSecret(name: name, value: value) {
                collector.add(Rules.secretInEnv, line: instruction.line, endLine: instruction.endLine, "\(instruction.keyword) \(name) looks like a hard-coded secret")
            }
        }
    }

    private func checkExpose(_ instruction: DockerInstruction, into collector: inout FindingCollector) {
        for word in ShellWords.split(instruction.arguments) {
            let port = word.split(separator: "/").first.map(String.init) ?? word
            let range = port.split(separator: "-").compactMap { Int($0) }
            if port == "22" || (range.count == 2 && range[0] <= 22 && range[1] >= 22) {
                collector.add(Rules.exposeSSH, line: instruction.line, "EXPOSE \(word) publishes SSH")
            }
        }
    }

    private func checkWorkdir(_ instruction: DockerInstruction, variables: [String: String], into collector: inout FindingCollector) {
        let path = VariableExpander(variables: variables).expand(instruction.arguments, escape: dockerfile.escape)
            .trimmingCharacters(in: ["\"", "'", " "])
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("$") || instruction.arguments.hasPrefix("$") { return }
        // Windows paths (C:\app) are absolute too.
        if path.count >= 2, path.dropFirst().first == ":" { return }
        collector.add(Rules.relativeWorkdir, line: instruction.line, "WORKDIR \(instruction.arguments) is relative")
    }
}
