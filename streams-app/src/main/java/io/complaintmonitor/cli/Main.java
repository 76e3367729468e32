package io.complaintmonitor.cli;

import io.complaintmonitor.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar complaint-monitor.jar <command>}. */
@Command(name = "complaint-monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Watches complaint handling live against the Housing Ombudsman's Complaint Handling Code.",
        subcommands = {DemoCommand.class, RunCommand.class, AuditCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error reporting: a bad option or setting is one line saying what to fix. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            // One line, not the whole usage: the usage is one --help away.
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + exception.getMessage()
                    + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)"));
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, cmd.getErr());
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException || exception instanceof IllegalArgumentException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("error: " + exception.getMessage()));
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }
}
