package org.ceusperfusion.ij;

import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.ceusperfusion.InputException;

/**
 * The exam list of the workbench as a table: label, day, file, target and reference ROI, and the size data
 * measured elsewhere (volume, necrosis, lesion diameters). Label, day and size data are edited in place.
 */
final class WorkbenchExamTable extends AbstractTableModel {
    static final String[] COLUMNS = {"Label", "Day", "Loop file", "Target ROI", "Reference ROI", "Vol. (ml)",
        "Necr. (%)", "Diam. (mm)"};
    private final WorkbenchModel model;
    private final java.util.function.Consumer<String> onError;

    WorkbenchExamTable(WorkbenchModel model, java.util.function.Consumer<String> onError) {
        this.model = model;
        this.onError = onError;
    }

    @Override
    public int getRowCount() {
        return model.exams().size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
        return COLUMNS[c];
    }

    @Override
    public boolean isCellEditable(int row, int c) {
        return c == 0 || c == 1 || c >= 5;
    }

    @Override
    public Object getValueAt(int row, int c) {
        WorkbenchExam e = model.exam(row);
        return switch (c) {
            case 0 -> e.label();
            case 1 -> e.day() == null ? "" : WorkbenchText.num(e.day());
            case 2 -> e.path().getFileName().toString();
            case 3 -> e.targetSpec() == null ? "— (Ctrl+T)" : e.targetSpec();
            case 4 -> e.referenceSpec() == null ? "" : e.referenceSpec();
            case 5 -> e.volumeMl() == null ? "" : WorkbenchText.num(e.volumeMl());
            case 6 -> e.necrosisPct() == null ? "" : WorkbenchText.num(e.necrosisPct());
            default -> diameters(e.diametersMm());
        };
    }

    @Override
    public void setValueAt(Object value, int row, int c) {
        WorkbenchExam e = model.exam(row);
        String v = value == null ? "" : value.toString().trim();
        try {
            WorkbenchExam changed = switch (c) {
                case 0 -> e.withLabel(label(v, row), e.day());
                case 1 -> e.withLabel(e.label(), number("Day", v));
                case 5 -> e.withSize(number("Volume", v), e.necrosisPct(), e.diametersMm());
                case 6 -> e.withSize(e.volumeMl(), number("Necrosis", v), e.diametersMm());
                case 7 -> e.withSize(e.volumeMl(), e.necrosisPct(), parseDiameters(v));
                default -> e;
            };
            model.set(row, changed);
            fireTableRowsUpdated(row, row);
        } catch (InputException ex) {
            onError.accept(ex.getMessage());
        }
    }

    private String label(String v, int row) {
        if (v.isEmpty()) {
            throw new InputException("Label", "an exam needs a label");
        }
        for (int i = 0; i < model.exams().size(); i++) {
            if (i != row && model.exam(i).label().equals(v)) {
                throw new InputException("Label", "'" + v + "' is already used by another exam");
            }
        }
        return v;
    }

    static Double number(String what, String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InputException(what, "'" + v + "' is not a number");
        }
    }

    /** @return diameters from {@code 50 30} or {@code 50;30} (mm), or {@code null} when empty */
    static double[] parseDiameters(String v) {
        if (v.isBlank()) {
            return null;
        }
        String[] parts = v.trim().split("[;\\s]+");
        double[] d = new double[parts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = number("Diameters", parts[i]);
            if (!(d[i] >= 0)) {
                throw new InputException("Diameters", "must be non-negative mm, got " + parts[i]);
            }
        }
        return d;
    }

    static String diameters(double[] d) {
        if (d == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (double x : d) {
            sb.append(sb.length() == 0 ? "" : "; ").append(WorkbenchText.num(x));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
