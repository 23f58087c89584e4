package org.ceusperfusion.ij;

import ij.gui.GenericDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one command, declared once and read either from a dialog or from macro options, so that
 * the dialog, the Recorder and macro parsing cannot drift apart.
 *
 * <p>Each field has a macro key and a dialog label whose first word is that key (ImageJ's Recorder
 * records a field under the first word of its label, lower-cased: {@code Dynamic_range} →
 * {@code dynamic_range}). Values come back as a map from key to {@link Double}, {@link Boolean} or
 * {@link String} (empty string: not given).
 */
final class OptionForm {
    /** The kind of a dialog field. */
    enum Kind { NUMBER, INTEGER, FLAG, CHOICE, STRING, DIRECTORY, FILE }

    /**
     * One field.
     *
     * @param key    macro key (the label's first word, lower-cased)
     * @param label  dialog label
     * @param kind   its kind
     * @param def    default: a Double, Boolean or String
     * @param items  choices ({@link Kind#CHOICE} only)
     * @param units  units shown after a number, or {@code null}
     */
    record Field(String key, String label, Kind kind, Object def, List<String> items, String units) {
    }

    private final List<Field> fields = new ArrayList<>();

    OptionForm number(String key, String label, double def, String units) {
        fields.add(new Field(key, label, Kind.NUMBER, def, List.of(), units));
        return this;
    }

    /** A whole number (shown and recorded without decimals), read back as a Double. */
    OptionForm integer(String key, String label, int def) {
        fields.add(new Field(key, label, Kind.INTEGER, (double) def, List.of(), null));
        return this;
    }

    OptionForm flag(String key, String label, boolean def) {
        fields.add(new Field(key, label, Kind.FLAG, def, List.of(), null));
        return this;
    }

    OptionForm choice(String key, String label, List<String> items, String def) {
        fields.add(new Field(key, label, Kind.CHOICE, def, List.copyOf(items), null));
        return this;
    }

    OptionForm string(String key, String label, String def) {
        fields.add(new Field(key, label, Kind.STRING, def, List.of(), null));
        return this;
    }

    OptionForm directory(String key, String label) {
        fields.add(new Field(key, label, Kind.DIRECTORY, "", List.of(), null));
        return this;
    }

    /** A file or folder path with a Browse button. */
    OptionForm file(String key, String label) {
        fields.add(new Field(key, label, Kind.FILE, "", List.of(), null));
        return this;
    }

    /** @return the fields, in dialog order */
    List<Field> fields() {
        return List.copyOf(fields);
    }

    /**
     * @param macro the macro options
     * @return every field's value; absent keys take their defaults (a checkbox is off unless present)
     * @throws org.ceusperfusion.InputException when a number cannot be read
     */
    Map<String, Object> fromMacro(MacroOptions macro) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Field f : fields) {
            v.put(f.key(), switch (f.kind()) {
                case NUMBER, INTEGER -> macro.number(f.key(), (Double) f.def());
                case FLAG -> macro.flag(f.key());
                default -> macro.string(f.key(), (String) f.def());
            });
        }
        return v;
    }

    /**
     * Shows the dialog.
     *
     * @param title   dialog title
     * @param message a line shown under the fields, or {@code null}
     * @param help    what the Help button shows ({@link HelpLinks#html})
     * @return every field's value, or {@code null} when the user cancelled
     */
    Map<String, Object> ask(String title, String message, String help) {
        GenericDialog gd = new GenericDialog(title);
        for (Field f : fields) {
            switch (f.kind()) {
                case NUMBER -> gd.addNumericField(f.label(), (Double) f.def(), 3, 8, f.units());
                case INTEGER -> gd.addNumericField(f.label(), (Double) f.def(), 0, 8, f.units());
                case FLAG -> gd.addCheckbox(f.label(), (Boolean) f.def());
                case CHOICE -> gd.addChoice(f.label(), f.items().toArray(new String[0]), (String) f.def());
                case STRING -> gd.addStringField(f.label(), (String) f.def(), 14);
                case DIRECTORY -> gd.addDirectoryField(f.label(), (String) f.def());
                case FILE -> gd.addFileField(f.label(), (String) f.def(), 30);
            }
        }
        if (message != null) {
            gd.addMessage(message);
        }
        gd.addHelp(help);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (Field f : fields) {
            v.put(f.key(), switch (f.kind()) {
                case NUMBER, INTEGER -> gd.getNextNumber();
                case FLAG -> gd.getNextBoolean();
                case CHOICE -> gd.getNextChoice();
                default -> gd.getNextString();
            });
        }
        return v;
    }
}
