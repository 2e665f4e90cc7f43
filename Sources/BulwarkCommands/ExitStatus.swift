import ArgumentParser
import BulwarkCore

/// Maps failures to Bulwark's documented exit codes and prints them as one line on stderr.
enum ExitStatus {
    static let success: Int32 = 0
    static let policyFailure: Int32 = 1
    static let inputError: Int32 = 2
    static let environmentError: Int32 = 3

    /// The exit code for an error.
    static func code(for error: BulwarkError) -> Int32 {
        [.io, .environment, .network, .unauthorized].contains(error.code) ? environmentError : inputError
    }

    /// Prints `error` (and its hint) and returns the exit code to end with.
    static func report(_ error: BulwarkError) -> ExitCode {
        Console.note("error: \(error.message)")
        if let hint = error.hint { Console.note("hint: \(hint)") }
        return ExitCode(code(for: error))
    }
}
