package io.complaintmonitor.cli;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the monitor; they override file and environment. */
public final class MonitorOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "properties file with monitor settings (see README, Configuration)")
    Path configFile;

    @Option(names = "--http-port", paramLabel = "N",
            description = "HTTP port for health, metrics, registry and API; 0 = any free port (default 8080; audit: any free port)")
    Integer httpPort;

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "bank holidays in gov.uk bank-holidays.json format (default: bundled England and Wales 2018-2027)")
    Path calendar;

    @Option(names = "--calendar-division", paramLabel = "DIVISION",
            description = "england-and-wales (default), scotland or northern-ireland")
    String calendarDivision;

    @Option(names = "--due-soon-working-days", paramLabel = "N",
            description = "working days before a due date at which a due-soon alert is raised (default 2)")
    Integer dueSoonWorkingDays;

    /** Defaults, then --config FILE, then the environment, then these options. */
    public MonitorConfig load(Map<String, String> environment) {
        return loader(environment).load();
    }

    /** The layered loader, for commands that fix some settings themselves (demo, audit). */
    public ConfigLoader loader(Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader();
        if (configFile != null) {
            loader.file(configFile);
        }
        return loader.environment(environment)
                .override(ConfigKey.HTTP_PORT, httpPort == null ? null : httpPort.toString())
                .override(ConfigKey.CALENDAR_FILE, calendar == null ? null : calendar.toString())
                .override(ConfigKey.CALENDAR_DIVISION, calendarDivision)
                .override(ConfigKey.DUE_SOON_WORKING_DAYS, dueSoonWorkingDays == null ? null : dueSoonWorkingDays.toString());
    }
}
