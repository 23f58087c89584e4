// CEUS Perfusion: analyse one cine loop from a macro (works in batch mode and with ImageJ -batch).
//
// Run it from Plugins > CEUS Perfusion > CEUS Analyze Example (ImageJ started with -ijpath <repository>), or headless:
//   xvfb-run -a java -jar ij.jar -ijpath <repository> -batch "plugins/CEUS Perfusion/CEUS_Analyze_Example.ijm" [output folder]
// It opens the bundled synthetic loop test-data/baseline.dcm, draws the tumour ROI, fits the
// lognormal bolus model and writes analysis.json, tic.csv and tic.png - the same numbers as
//   ./ceus analyze test-data/baseline.dcm --roi tumour=oval:40,27,40,30 --dynamic-range 40 --out <folder>

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
loop = data + "baseline.dcm";

// Output folder: the macro argument, else a folder in the temporary directory.
out = getArgument();
if (out == "")
    out = getDirectory("temp") + "ceus-example";

// 1. Open the loop with CEUS Perfusion's reader: correct frame times (s) and pixel size (mm).
run("Open Cine Loop...", "open=[" + loop + "]");
Stack.getDimensions(width, height, channels, slices, frames);
print("Opened " + getTitle() + ": " + frames + " frames, interval " + Stack.getFrameInterval() + " s");

// 2. The target ROI: the tumour of the demo loop (pixels of the stored frame).
makeOval(40, 27, 40, 30);
Roi.setName("tumour");

// Optional: a reference ROI (normal tissue) in the ROI Manager, used with reference=<name>:
//   makeOval(8, 62, 24, 20); Roi.setName("normal"); roiManager("add"); makeOval(40, 27, 40, 30);
//   and add "reference=liver" to the options below.

// 3. Time-intensity curve, lognormal fit and perfusion parameters with 95 % CIs.
//    dynamic_range: the scanner's log-compression range in dB (write "linear" instead for linear data).
run("Analyze TIC...", "dynamic_range=40 model=lognormal save_to=[" + out + "]");

// 4. The results are appended to the table "CEUS Perfusion" (one row per ROI, this run's rows last) and
//    written to the output folder.
t = "CEUS Perfusion";
last = Table.size(t) - 1;
print("Status: " + Table.getString("Status", last, t));
print("PE = " + Table.get("PE", last, t) + " a.u., AUC = " + Table.get("AUC", last, t)
    + " a.u.*s, mTT = " + Table.get("mTT", last, t) + " s");
print("Written: " + out + File.separator + "analysis.json");
