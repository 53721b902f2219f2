package io.github.auroraecho.status;

import io.github.auroraecho.aws.CnameIndex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The status report as a plain-text table for people: one row per copy, columns padded to fit. AGE is the copy's,
 * DATA-AGE that of the snapshot or clone point it holds; the row with a DNS name is the copy being served.
 */
public final class StatusTable {
    private static final List<String> HEADER = List.of("LIFECYCLE", "COPY", "STAGE", "CLUSTER", "INSTANCE", "AGE", "DATA-AGE",
            "DNS");

    private StatusTable() {
    }

    public static String render(List<CopyStatus> copies) {
        if (copies.isEmpty()) {
            return "(no copies)\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CopyStatus copy : copies) {
            rows.add(List.of(copy.managedName(), copy.copy(), copy.stage(), copy.clusterStatus(), instances(copy),
                    age(copy.age()), copy.sourcePointAge() == null ? "-" : age(copy.sourcePointAge()),
                    dns(copy.records())));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String instances(CopyStatus copy) {
        return copy.instances().isEmpty() ? "-"
                : copy.instances().stream().map(CopyStatus.Instance::status).collect(Collectors.joining(","));
    }

    private static String dns(List<CnameIndex.Record> records) {
        return records.isEmpty() ? "-" : records.stream().map(CnameIndex.Record::name).distinct()
                .collect(Collectors.joining(", "));
    }

    /** Days and hours past a day, hours and minutes below: what an operator compares with the schedule. */
    static String age(Duration age) {
        if (age.isNegative()) {
            return "0m";
        }
        if (age.toDays() > 0) {
            return age.toDays() + "d " + age.toHoursPart() + "h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h " + age.toMinutesPart() + "m";
        }
        return age.toMinutes() + "m";
    }
}
