// CEUS Perfusion: compare a baseline and a follow-up exam from a macro (works with ImageJ -batch).
//
// Run it from Plugins > CEUS Perfusion > CEUS Compare Example (ImageJ started with -ijpath <repository>), or headless:
//   xvfb-run -a java -jar ij.jar -ijpath <repository> -batch "plugins/CEUS Perfusion/CEUS_Compare_Example.ijm" [output folder]
// It opens the bundled synthetic loops test-data/baseline.dcm and test-data/day14.tif, draws the tumour
// ROI on each (tumours move between exams) and writes comparison.json, comparison.csv, report.pdf and
// report.png - the same numbers as
//   ./ceus compare test-data/baseline.dcm test-data/day14.tif --roi tumour=oval:40,27,40,30 \
//     --roi tumour=oval:38,25,44,34 --reference-roi normal=oval:8,62,24,20 --labels baseline,D14 \
//     --days 0,14 --volume-ml 295,341 --necrosis-pct 2.09,53.07 --diameters-mm "84,80;88,84" --out <folder>

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
out = getArgument();
if (out == "")
    out = getDirectory("temp") + "ceus-compare-example";

// 1. Baseline: open; the reference ROI (normal tissue, the same place in both exams) goes into the
//    ROI Manager as "normal"; the tumour ROI stays on the image.
run("Open Cine Loop...", "open=[" + data + "baseline.dcm]");
baseline = getTitle();
roiManager("reset");
makeOval(8, 62, 24, 20);
Roi.setName("normal");
roiManager("add");
makeOval(40, 27, 40, 30);
Roi.setName("tumour");

// 2. Day 14: open, draw the tumour where it is now.
run("Open Cine Loop...", "open=[" + data + "day14.tif]");
day14 = getTitle();
makeOval(38, 25, 44, 34);
Roi.setName("tumour");

// 3. Compare: images by title (a file path works too, with a ROI Manager entry named like its label).
run("Compare Exams...", "exams=[" + baseline + "," + day14 + "] labels=[baseline,D14] days=[0,14]"
    + " volume_ml=[295,341] necrosis_pct=[2.09,53.07] diameters_mm=[84,80;88,84] reference=normal"
    + " dynamic_range=40 save_to=[" + out + "]");

// 4. One row per change in the table "CEUS Comparison"; the summary sentence is in the Log.
print("AUC change: " + Table.get("AUC %", 0, "CEUS Comparison") + " % [" + Table.get("AUC lo", 0, "CEUS Comparison")
    + ", " + Table.get("AUC hi", 0, "CEUS Comparison") + "]");
print("Written: " + out + File.separator + "report.pdf");
