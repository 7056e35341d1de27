import SOAPLintCLI

#if canImport(Glibc)
    import Glibc
#endif

exit(SOAPLintCommand.run(Array(CommandLine.arguments.dropFirst()), environment: .process()))
