import BulwarkCore

/// Lists the NuGet packages a built .NET application ships with, from its `*.deps.json`.
///
/// Every `libraries` entry of `"type": "package"` is listed, named by its `Name/Version` key;
/// `project` (the application and its project references) and `reference`/`referenceassembly`
/// entries are skipped. As in Trivy, a package whose entry in the runtime target (`runtimeTarget.name`)
/// carries no `runtime`, `runtimeTargets` or `native` assets is skipped too: it ships no code (build-time
/// and meta packages such as `Microsoft.NETCore.App`). Packages absent from the targets are kept.
/// Dependencies come from the runtime target's `dependencies` (`name: version`) as purls.
public struct DotNetDepsCataloger: FileParsingCataloger {
    public let id = "dotnet-deps"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .installed }

    public func isInterested(in path: String) -> Bool { PathMatch.baseNameHasSuffix(path, ".deps.json") }

    /// Parses one `deps.json`; `path` is used for `location` and in warnings.
    public func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let root: NodeJSONObject
        switch NodeJSONParser.topLevelObject(bytes, path: path) {
        case .success(let object): root = object
        case .failure(let warning): return CatalogResult(warnings: [warning.text])
        }
        guard let librariesValue = root["libraries"] else { return CatalogResult() }
        guard let libraries = librariesValue.object else {
            return CatalogResult(warnings: ["\(path): libraries: expected an object, found \(librariesValue.kindName)"])
        }
        var target: NodeJSONObject?
        if let targetName = root["runtimeTarget"]?["name"]?.string { target = root["targets"]?[targetName]?.object }
        var warnings: [String] = []
        var packages: [Package] = []
        for member in libraries.members {
            guard let library = member.value.object else {
                warnings.append("\(path): libraries[\"\(member.key.prefix(120))\"]: expected an object, found \(member.value.kindName)")
                continue
            }
            guard library["type"]?.string == "package" else { continue }
            guard let slash = member.key.firstIndex(of: "/") else {
                warnings.append("\(path): libraries[\"\(member.key.prefix(120))\"]: key is not Name/Version")
                continue
            }
            let name = String(member.key[..<slash])
            let version = String(member.key[member.key.index(after: slash)...])
            guard NuGetPackageFactory.isPlausible(name), NuGetPackageFactory.isPlausible(version) else {
                warnings.append("\(path): libraries[\"\(member.key.prefix(120))\"]: key is not Name/Version")
                continue
            }
            var dependencies: [String] = []
            if let target, let entry = target[member.key]?.object {
                let shipsCode = ["runtime", "runtimeTargets", "native"].contains { field in
                    entry[field]?.object.map { !$0.members.isEmpty } ?? false
                }
                guard shipsCode else { continue }
                for dependency in entry["dependencies"]?.object?.stringMembers ?? [] {
                    dependencies.append(NuGetPackageFactory.purl(name: dependency.key, version: dependency.value).description)
                }
            }
            packages.append(NuGetPackageFactory.package(name: name, version: version, location: path, dependencies: dependencies))
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }
}
