/**
 * Free-breathing loops: in-plane motion estimation and a ROI that follows the tissue, frame rejection
 * (out-of-plane, user exclusions, flashes) and per-ROI quality flags with an interpretability verdict.
 *
 * <p>Pipeline ({@link org.ceusperfusion.motion.MotionCorrection#run}): choose the tracked window
 * ({@link org.ceusperfusion.motion.TrackingLayout}: the B-mode panel of a side-by-side export when the
 * DICOM ultrasound regions or {@code --bmode-offset} give one, else the contrast frames themselves);
 * estimate a translation per frame by normalised cross-correlation
 * ({@link org.ceusperfusion.motion.MotionEstimator}); measure each ROI with its mask moved by that shift
 * ({@link org.ceusperfusion.motion.MovingRoiTic}); decide which frames the fit may use
 * ({@link org.ceusperfusion.motion.FrameRejection}); and, after the fit, judge each ROI
 * ({@link org.ceusperfusion.motion.QualityAssessor}). Pure Java, no ImageJ.
 */
package org.ceusperfusion.motion;
