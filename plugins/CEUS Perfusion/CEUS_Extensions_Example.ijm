// CEUS Perfusion macro extensions: results as macro values (Ext. functions, as Bio-Formats' Ext.).
//
// Analyses the bundled baseline loop, prints AUC with its 95 % CI and the TIC, then compares
// baseline and day 14 and prints the AUC change with its CI and the response.
// Headless: xvfb-run -a java -jar ij.jar -ijpath <repository> -batch "plugins/CEUS Perfusion/CEUS_Extensions_Example.ijm" [out]

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
    out = getDirectory("temp") + "ceus-extensions-example";

run("CEUS Macro Extensions");

// 1. Single analysis: the same numbers as ./ceus analyze test-data/baseline.dcm --roi tumour=oval:40,27,40,30
Ext.ceusAnalyze(data + "baseline.dcm", "tumour=oval:40,27,40,30",
    "dynamic_range=40 model=lognormal reference=[normal=oval:8,62,24,20] save_to=[" + out + File.separator + "baseline]");
Ext.ceusGetFit(status, r2);
Ext.ceusGetParameter("AUC", auc, lo, hi);
print("baseline: fit " + status + " (R2 " + d2s(r2, 3) + "), AUC " + auc + " [" + lo + ", " + hi + "]");
Ext.ceusGetParameter("mTT", mtt, mttLo, mttHi);
print("baseline: mTT " + d2s(mtt, 2) + " s [" + d2s(mttLo, 2) + ", " + d2s(mttHi, 2) + "]");
Ext.ceusGetNonEnhancing(ne);
print("baseline: non-enhancing " + d2s(100 * ne, 1) + " %");

// 2. The TIC as arrays (times in s, linear intensity, fitted curve)
Ext.ceusGetTic(times, values, fit);
t = split(times, ",");
y = split(values, ",");
f = split(fit, ",");
peak = 0;
for (i = 1; i < y.length; i++)
    if (parseFloat(y[i]) > parseFloat(y[peak]))
        peak = i;
print("TIC: " + t.length + " frames, highest mean at t = " + t[peak] + " s (" + y[peak] + "; fit " + f[peak] + ")");

// 3. Comparison baseline -> day 14 (as ./ceus compare)
Ext.ceusCompare(data + "baseline.dcm;" + data + "day14.tif", "tumour=oval:40,27,40,30;tumour=oval:38,25,44,34",
    "days=0,14 labels=baseline,D14 dynamic_range=40 save_to=[" + out + File.separator + "comparison]");
Ext.ceusGetChange("AUC", pct, pctLo, pctHi);
Ext.ceusGetResponse(size, perfusion);
print("baseline -> D14: AUC " + d2s(pct, 1) + " % [" + d2s(pctLo, 1) + ", " + d2s(pctHi, 1) + "], perfusion: " + perfusion);
print("CEUS extensions example: done");
