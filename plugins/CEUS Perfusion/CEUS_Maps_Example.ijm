// CEUS Perfusion: parametric maps of one cine loop from a macro (works in batch mode and with ImageJ -batch).
//
// Run it from Plugins > CEUS Perfusion > CEUS Maps Example (ImageJ started with -ijpath <repository>), or headless:
//   xvfb-run -a java -jar ij.jar -ijpath <repository> -batch "plugins/CEUS Perfusion/CEUS_Maps_Example.ijm" [output folder]
// It opens the bundled day-14 synthetic loop test-data/day14.tif, fits the lognormal bolus model to every
// pixel of the tumour ROI on all cores and shows a 32-bit stack (PE, AUC, TTP, mTT, R2, status) with the
// Fire LUT; the files are the same as
//   ./ceus map test-data/day14.tif --roi tumour=oval:38,25,44,34 --params PE,AUC,TTP,mTT --out <folder>

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
loop = data + "day14.tif";
out = getArgument();
if (out == "")
    out = getDirectory("temp") + "ceus-maps-example";

// 1. Open the loop with CEUS Perfusion's reader (frame times in s, pixel size in mm).
run("Open Cine Loop...", "open=[" + loop + "]");

// 2. The pixels to map: the tumour (remove the ROI to map the whole frame).
makeOval(38, 25, 44, 34);
Roi.setName("tumour");

// 3. Per-pixel maps. bin=2 would fit the mean curve of each 2x2 block instead (faster, less noisy);
//    frame_bin=0 averages consecutive frames to samples about 1 s apart (1: every frame).
run("Parametric Maps...", "dynamic_range=40 model=lognormal params=PE,AUC,TTP,mTT bin=1 frame_bin=0 save_to=[" + out + "]");

// 4. The stack "CEUS maps: <title>" has one slice per parameter; the files are in the output folder.
print("Maps: " + getTitle() + ", " + nSlices + " slices");
print("Written: " + out + File.separator + "map.json");
