import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkReport
import BulwarkRegistry
import Foundation

/// `bulwark sbom TARGET`: list everything installed in an image or root filesystem.
struct SBOMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Generate an SBOM of an image archive, OCI layout or root filesystem.",
        discussion: """
            TARGET is detected from what the path is: a `docker save` tarball (optionally gzip or zstd compressed), an OCI image layout directory or tar, or — for a directory with no index.json or manifest.json — an unpacked root filesystem.

            EXAMPLES:
              bulwark sbom debian.tar
              bulwark sbom debian.tar --format cyclonedx --output debian.cdx.json
              bulwark sbom ./layout --tag app:1 --platform linux/arm64 --format spdx-json
              NO_COLOR=1 bulwark sbom alpine.tar.gz --format table
            """
    )

    @Argument(help: "Image archive, OCI layout (directory or tar) or root filesystem directory.")
    var target: String

    @OptionGroup var output: SBOMFormatOption
    @OptionGroup var imageOptions: ImageOptions
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let scanner = InventoryScanner(logger: Console.logger(quiet: options.quiet, debug: options.debug))
        do {
            let inventory = try await ScanRunner.inventory(
                of: target, scanner: scanner, imageOptions: imageOptions, packages: packageOptions.selection, options: options)
            try ScanRunner.write(inventory, format: output.format, options: options)
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    /// A directory that is not an OCI layout or unpacked docker archive.
    static func isRootfs(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        return !FileManager.default.fileExists(atPath: path + "/index.json") && !FileManager.default.fileExists(atPath: path + "/manifest.json")
    }
}

/// `bulwark rootfs DIR`: scan an unpacked root filesystem.
struct RootfsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rootfs",
        abstract: "List the packages of an unpacked root filesystem directory.",
        discussion: """
            Reads the package databases under DIR as if DIR were `/`. Symlinks are never followed outside DIR.

            EXAMPLES:
              bulwark rootfs /mnt/image-root
              bulwark rootfs ./rootfs --format cyclonedx -o rootfs.cdx.json
            """
    )

    @Argument(help: "The root filesystem directory.")
    var directory: String

    @OptionGroup var output: SBOMFormatOption
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let scanner = InventoryScanner(logger: Console.logger(quiet: options.quiet, debug: options.debug))
        do {
            try ScanRunner.write(try scanner.scanRootfs(at: directory, packages: packageOptions.selection), format: output.format, options: options)
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }
}

/// Which packages a scan keeps.
struct PackageOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Package types to report, comma-separated: os, library, or deb, apk, rpm, pypi, npm, golang, maven, gem, cargo, composer, nuget, swift, pub, cocoapods (default: all).",
        valueName: "LIST"))
    var pkgTypes: String?

    @Flag(help: "Leave out development-only dependencies (lockfile dev/test scopes).")
    var excludeDev = false

    func validate() throws {
        let known = Set(["os", "library"] + PackageType.allCases.map(\.rawValue))
        for item in types where !known.contains(item) {
            throw ValidationError("unknown package type '\(item)' in --pkg-types; use os, library or one of: \(PackageType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var types: Set<String> {
        Set((pkgTypes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    var selection: PackageSelection { PackageSelection(types: types, excludeDevelopment: excludeDev) }
}

/// Options that pick one image out of an archive or layout.
struct ImageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Pick the image with this tag or ref name when the input holds several.", valueName: "TAG"))
    var tag: String?

    @Option(help: ArgumentHelp("Pick the image for os/arch[/variant] from a multi-platform index (default: the host's, linux/amd64 on x86-64).", valueName: "PLATFORM"))
    var platform: String?

    @Option(name: .customLong("image-src"), help: ArgumentHelp("Where to look for an image that is not a file: a comma list of docker, podman, registry (default: all, in that order).", valueName: "SOURCES"))
    var imageSource: String?

    @OptionGroup(title: "Registry options (when the target is a reference such as nginx:1.25)")
    var registry: RegistryOptions

    func selection() throws(BulwarkError) -> ImageSelection {
        ImageSelection(tag: tag, platform: try platform.map { (text) throws(BulwarkError) -> Platform in try Platform(parsing: text) })
    }
}

/// Shared steps of the scanning commands: options → engine → writer.
enum ScanRunner {
    /// The inventory of an image archive, OCI layout or root filesystem directory.
    static func inventory(
        of target: String, scanner: InventoryScanner, imageOptions: ImageOptions, packages: PackageSelection, options: GlobalOptions,
        treeCapture: FileTreeCapture? = nil, inspector: (any FileContentInspector)? = nil
    ) async throws(BulwarkError) -> Inventory {
        if SBOMCommand.isRootfs(target) { return try scanner.scanRootfs(at: target, packages: packages, treeCapture: treeCapture, inspector: inspector) }
        return try await scanImage(
            target, scanner: scanner, imageOptions: imageOptions, packages: packages, options: options, treeCapture: treeCapture, inspector: inspector)
    }

    static func scanImage(
        _ target: String, scanner: InventoryScanner, imageOptions: ImageOptions, packages: PackageSelection, options: GlobalOptions,
        treeCapture: FileTreeCapture? = nil, inspector: (any FileContentInspector)? = nil
    ) async throws(BulwarkError) -> Inventory {
        let scratch = options.scratchDirectory
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let scanOptions = InventoryScanOptions(
            selection: try imageOptions.selection(), scratchDirectory: scratch, packages: packages, layerCache: options.layerCache,
            treeCapture: treeCapture, inspector: inspector)
        let started = Date()
        if !options.quiet && Console.progressAllowed { Console.note("Reading \(target)…") }
        let inventory: Inventory
        if !FileManager.default.fileExists(atPath: target) {
            inventory = try await ImageSource.scan(
                target, order: try ImageSource.order(imageOptions.imageSource), scanner: scanner, imageOptions: imageOptions, scanOptions: scanOptions,
                options: options)
        } else {
            inventory = try await scanner.scanImage(at: target, options: scanOptions)
        }
        if !options.quiet && Console.progressAllowed {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            Console.note("Read \(inventory.image?.layers.count ?? 0) layers, \(inventory.packages.count) packages in \(seconds) s")
        }
        return inventory
    }

    static func write(_ inventory: Inventory, format: SBOMFormat, options: GlobalOptions) throws(BulwarkError) {
        if !options.quiet {
            for warning in inventory.warnings { Console.note("warning: \(warning)") }
        }
        let colors = options.output == nil && Console.colorsAllowed(fileDescriptor: 1)
        let renderOptions = RenderOptions(colors: colors, toolVersion: Bulwark.version, timestamp: Date())
        let bytes = try SBOMRenderer.render(inventory, as: format, options: renderOptions)
        try Console.emit(bytes, to: options.output)
    }
}
