import Foundation

/// `soaplint init`: write a commented `.soaplint.yml` in the working directory.
enum InitCommand {
    static let command = Command(
        name: "init",
        summary: "Write a commented .soaplint.yml in the current folder.",
        usage: "soaplint init [options]",
        arguments: [],
        options: [OptionSpec("--force", help: "Replace an existing .soaplint.yml")])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        if !parsed.positionals.isEmpty { throw .tooManyArguments(parsed.positionals.joined(separator: " ")) }
        let path = environment.absolute(".soaplint.yml")
        if FileManager.default.fileExists(atPath: path), !parsed.has("--force") {
            environment.errorOutput.write("soaplint: .soaplint.yml already exists; use --force to replace it\n")
            return ExitCode.failure
        }
        do {
            try OutputTarget.writeAtomically(template, to: path)
        } catch {
            environment.errorOutput.write("soaplint: .soaplint.yml: \(error.reason)\n")
            return ExitCode.failure
        }
        environment.output.write("Wrote .soaplint.yml; soaplint finds it from this folder and every folder below.\n")
        return ExitCode.success
    }

    static let template = """
        # soaplint configuration. soaplint reads the nearest .soaplint.yml from the current
        # folder upward (or the file given with --config). Every key is optional.

        # More folders of rule files (one rule per .yml file), relative to this file.
        # rules-dirs: [clinic-rules]

        # Turn rules off, or change their level: off | on | error | warning | info.
        rules:
          # maintenance-language: off
          # plan-of-care: error

        # Different settings for some files (shell patterns against the path or the file name).
        overrides:
          # - files: "archive/*"
          #   rules: {signature-and-date: off}

        # Which payers need a referral, and which need the GP modifier on therapy codes.
        payer-profiles:
          requires-referral: [workers-comp, auto]
          requires-gp: [medicare]

        # The codes each credential may bill (added to and replacing the built-in LMT scope).
        licence-scopes:
          # LMT: ["97124", "97140"]
          # PT: ["97110", "97112", "97140", "97530"]

        # How timed units are counted: total-time (CMS, the default) or per-code.
        unit-method: total-time

        """
}
