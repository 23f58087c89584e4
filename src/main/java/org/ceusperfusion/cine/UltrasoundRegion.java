package org.ceusperfusion.cine;

/**
 * One entry of the DICOM Sequence of Ultrasound Regions (0018,6011): a panel of the stored frame.
 *
 * @param minX0             left edge, pixels (inclusive)
 * @param minY0             top edge, pixels (inclusive)
 * @param maxX1             right edge, pixels (inclusive)
 * @param maxY1             bottom edge, pixels (inclusive)
 * @param spatialFormat     Region Spatial Format (0018,6012): 1 = 2D, ...
 * @param dataType          Region Data Type (0018,6014): 1 = tissue, 2 = colour flow, ...
 * @param physicalDeltaXMm  physical size of a pixel along x in mm, or {@code NaN} when not in cm
 * @param physicalDeltaYMm  physical size of a pixel along y in mm, or {@code NaN} when not in cm
 */
public record UltrasoundRegion(int minX0, int minY0, int maxX1, int maxY1, int spatialFormat, int dataType,
                               double physicalDeltaXMm, double physicalDeltaYMm) {
}
