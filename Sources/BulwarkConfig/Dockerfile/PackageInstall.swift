import Foundation

/// A package-manager command found in a RUN: which manager, whether it installs, updates or cleans,
/// and which requested packages carry no version.
struct PackageInstall: Equatable {
    enum Manager: String, Hashable {
        case apt = "apt-get", apk, yum, dnf, pip, npm, gem
    }

    var manager: Manager
    var isUpdate = false
    var isCleanup = false
    /// Options given (words starting with `-`).
    var flags: [String] = []
    /// Requested packages without a version.
    var unpinned: [String] = []
    /// Whether the command itself keeps no cache (`apk --no-cache`, `pip --no-cache-dir`).
    var leavesNoCache = false

    /// Recognises `apt-get install`, `apk add`, `yum/dnf/microdnf install`, `pip install`, `npm install`… in
    /// `words` (program first); nil for anything else.
    init?(words original: [String]) {
        var words = original
        if words.count > 3, words[0].hasPrefix("python"), words[1] == "-m", words[2].hasPrefix("pip") {
            words = Array(words.dropFirst(2))
        }
        guard let first = words.first else { return nil }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        let manager: Manager
        switch program {
        case "apt-get", "apt": manager = .apt
        case "apk": manager = .apk
        case "yum": manager = .yum
        case "dnf", "microdnf": manager = .dnf
        case "pip", "pip3", "pip2": manager = .pip
        case "npm": manager = .npm
        case "gem": manager = .gem
        default: return nil
        }
        self.manager = manager
        let arguments = words.dropFirst()
        flags = arguments.filter { $0.hasPrefix("-") }
        // Option values that take the next word, so it is not mistaken for a package.
        let valueOptions: Set<String> = ["-o", "-t", "--target-release", "-c", "--index-url", "-i", "--extra-index-url", "--repository", "-X", "-v", "--version", "--prefix", "--root", "--registry", "--enablerepo", "--disablerepo", "--setopt"]
        var positional: [String] = []
        var skipNext = false
        for word in arguments {
            if skipNext { skipNext = false; continue }
            if valueOptions.contains(word) { skipNext = true; continue }
            if word.hasPrefix("-") { continue }
            positional.append(word)
        }
        guard let verb = positional.first else { return nil }
        let packages = Array(positional.dropFirst())
        switch (manager, verb) {
        case (.apt, "update"), (.apk, "update"), (.yum, "makecache"), (.dnf, "makecache"): isUpdate = true
        case (.apt, "clean"), (.apt, "autoclean"), (.yum, "clean"), (.dnf, "clean"):
            isCleanup = true
        case (.apk, "cache"), (.npm, "cache"), (.pip, "cache"):
            guard packages.first == "clean" || packages.first == "purge" else { return nil }
            isCleanup = true
        case (.apt, "install"), (.apk, "add"), (.yum, "install"), (.dnf, "install"), (.pip, "install"), (.npm, "install"), (.npm, "i"), (.gem, "install"):
            if manager == .npm && packages.isEmpty { return nil }
            if manager == .pip && (flags.contains("-r") || flags.contains("--requirement") || flags.contains("-e") || packages.isEmpty) && packages.allSatisfy({ $0.hasSuffix(".txt") || $0 == "." }) {
                unpinned = []
            } else if manager == .gem && (flags.contains("-v") || flags.contains("--version") || flags.contains(where: { $0.hasPrefix("--version=") })) {
                unpinned = []
            } else {
                unpinned = packages.filter { !Self.isPinned($0, manager: manager) }
            }
            leavesNoCache = (manager == .apk && flags.contains("--no-cache")) || (manager == .pip && flags.contains("--no-cache-dir")) || manager == .npm || manager == .gem
        default: return nil
        }
    }

    /// Whether a package argument names a version (or is a file, URL or path, which pins itself).
    static func isPinned(_ package: String, manager: Manager) -> Bool {
        if package.hasPrefix(".") || package.hasPrefix("/") || package.contains("://") || package.hasSuffix(".deb")
            || package.hasSuffix(".rpm") || package.hasSuffix(".whl") || package.hasSuffix(".tar.gz") || package.contains("$")
        {
            return true
        }
        switch manager {
        case .apt, .apk: return package.contains("=")
        case .yum, .dnf:
            // name-version: a dash followed by a digit.
            var previous: Character = " "
            for character in package {
                if previous == "-", character.isNumber { return true }
                previous = character
            }
            return false
        case .pip: return package.contains("==") || package.contains("@") || package.contains("<") || package.contains(">") || package.contains("~=")
        case .gem: return package.contains(":")
        case .npm:
            let body = package.hasPrefix("@") ? String(package.dropFirst()) : package
            return body.contains("@") || package.contains("#")
        }
    }
}
