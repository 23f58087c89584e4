// CEUS Perfusion: batch from a macro with the Batch... command (the same core as ./ceus batch).
//
// Argument (optional): "<input> <output folder>" where <input> is a manifest .csv or a folder of loops,
// or just "<output folder>" (a folder that does not exist yet); without an input, the bundled manifest
// test-data/demo.csv (two exams of one patient) is run.
// Headless: xvfb-run -a java -jar ij.jar -ijpath <repository> -batch "plugins/CEUS Perfusion/CEUS_Batch_Example.ijm" "[in] [out]"
//
// A manifest has one row per loop (columns loop, roi; optional id, patient, label, day, reference_roi,
// dynamic_range_db, frame_interval_s, model, volume_ml, necrosis_pct, diameters_mm); rows of one patient
// are also compared in day order. A folder runs every .dcm/.tif/.avi with the same roi=[...].
// Esc cancels; with "resume" complete items are skipped. Every loop gets its own output folder and
// summary.csv lists each item with status ok or error (a bad loop never stops the batch).

// Where the repository is: this macro lives in <repository>/plugins/CEUS Perfusion/. A relative path
// (ImageJ -batch "plugins/CEUS Perfusion/<macro>.ijm", run from the repository) is taken from the working
// directory.
self = getInfo("macro.filepath");
if (self == "" || self == "null")
    self = getDirectory("plugins") + "CEUS Perfusion" + File.separator + "macro.ijm";
else if (!startsWith(self, "/") && !startsWith(self, "\\") && indexOf(self, ":") != 1)
    self = getInfo("user.dir") + File.separator + self;
root = File.getParent(File.getParent(File.getParent(self)));

// The demo loops: test-data/ of the repository, else generated on demand (as File > Open Samples > CEUS
// Demo Loops does) in the temporary folder - e.g. when this example was opened from Plugins > CEUS
// Perfusion > Examples of an installed plugin.
data = root + File.separator + "test-data" + File.separator;
if (!File.exists(data + "baseline.dcm")) {
    data = getDirectory("temp") + "ceus-demo-loops" + File.separator;
    run("CEUS Demo Loops", "save_to=[" + data + "] no_display");
    print("Demo loops generated in " + data);
}
arg = getArgument();
input = data + "demo.csv";
out = getDirectory("temp") + "ceus-batch-example";
if (arg != "") {
    parts = split(arg, " ");
    if (parts.length == 1 && !File.exists(parts[0]))
        out = parts[0];          // one argument that does not exist yet: the output folder
    else {
        input = parts[0];
        if (parts.length > 1)
            out = parts[1];
    }
}

options = "input=[" + input + "] output=[" + out + "] dynamic_range=40 model=lognormal threads=2 resume";
if (File.isDirectory(input))
    options = options + " roi=[tumour=oval:40,27,40,30]";   // a folder: the same target ROI on every loop
setBatchMode(true);
run("Batch...", options);

// One table row per item, as summary.csv: id, status, message, output, PE, AUC, TTP, mTT.
n = Table.size("CEUS Batch");
failed = 0;
for (i = 0; i < n; i++) {
    id = Table.getString("id", i, "CEUS Batch");
    status = Table.getString("status", i, "CEUS Batch");
    if (status == "ok")
        print(id + ": ok, AUC = " + Table.get("AUC", i, "CEUS Batch") + ", folder " + out + File.separator
            + Table.getString("output", i, "CEUS Batch"));
    else {
        print(id + ": error: " + Table.getString("message", i, "CEUS Batch"));
        failed++;
    }
}
print("CEUS batch: " + n + " items, " + failed + " failed; summary " + out + File.separator + "summary.csv");
setBatchMode(false);
