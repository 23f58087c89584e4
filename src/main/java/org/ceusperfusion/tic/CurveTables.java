package org.ceusperfusion.tic;

import java.util.ArrayList;
import java.util.List;
import org.ceusperfusion.InputException;

/** Operations on curve tables: picking the columns to fit. */
public final class CurveTables {
    private CurveTables() {
    }

    /**
     * @param table     the table
     * @param columns   the target columns, in order (an optional {@code NAME=} prefix is ignored)
     * @param reference the reference column kept after them, or {@code null}
     * @param source    file name for error messages
     * @return a table with only those columns
     * @throws InputException naming a column that does not exist
     */
    public static CurveCsv.Table select(CurveCsv.Table table, List<String> columns, String reference, String source) {
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (String c : columns) {
            wanted.add(c.contains("=") ? c.substring(c.indexOf('=') + 1).trim() : c.trim());
        }
        if (reference != null && !wanted.contains(reference)) {
            wanted.add(reference);
        }
        for (String w : wanted) {
            int i = table.names().indexOf(w);
            if (i < 0) {
                throw new InputException(source, "no column '" + w + "' (columns: " + String.join(", ", table.names())
                        + ")");
            }
            names.add(w);
            values.add(table.values().get(i));
        }
        return new CurveCsv.Table(table.timesS(), List.copyOf(names), List.copyOf(values), table.used(),
                table.timeColumn(), table.timeUnit(), table.skipped());
    }
}
