// CEUS Perfusion: analyse every DICOM loop of a folder with the same ROI, one output folder per loop.
// Headless: xvfb-run -a java -jar ij.jar -ijpath <repository> -batch plugins/CEUS_Batch_Example.ijm /path/to/loops
// (For thousands of loops, sharding and resuming, prefer the CLI: ./ceus batch manifest.csv)

dir = getArgument();
if (dir == "")
    dir = getDirectory("Choose a folder of cine loops");
if (!endsWith(dir, File.separator))
    dir = dir + File.separator;
setBatchMode(true);
files = getFileList(dir);
for (i = 0; i < files.length; i++) {
    if (!endsWith(toLowerCase(files[i]), ".dcm"))
        continue;
    name = substring(files[i], 0, lengthOf(files[i]) - 4);
    run("Open Cine Loop...", "open=[" + dir + files[i] + "]");
    makeOval(40, 27, 40, 30);          // the same target ROI on every loop
    Roi.setName("tumour");
    run("Analyze TIC...", "dynamic_range=40 model=lognormal save_to=[" + dir + "ceus-" + name + "]");
    print(files[i] + ": " + Table.getString("Status", 0, "CEUS Perfusion")
        + ", AUC = " + Table.get("AUC", 0, "CEUS Perfusion"));
    close();
}
setBatchMode(false);
