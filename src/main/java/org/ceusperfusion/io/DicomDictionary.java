package org.ceusperfusion.io;

import java.util.Map;

/**
 * The few DICOM tags this reader uses, with their value representations (needed for implicit-VR files,
 * whose elements do not state their VR).
 */
final class DicomDictionary {
    static final int TRANSFER_SYNTAX = 0x00020010;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int STUDY_DATE = 0x00080020;
    static final int MODALITY = 0x00080060;
    static final int MANUFACTURER = 0x00080070;
    static final int MODEL_NAME = 0x00081090;
    static final int RECOMMENDED_FRAME_RATE = 0x00082144;
    static final int CINE_RATE = 0x00180040;
    static final int FRAME_TIME = 0x00181063;
    static final int FRAME_TIME_VECTOR = 0x00181065;
    static final int IMAGER_PIXEL_SPACING = 0x00181164;
    static final int TRANSDUCER_DATA = 0x00185010;
    static final int US_REGIONS = 0x00186011;
    static final int REGION_SPATIAL_FORMAT = 0x00186012;
    static final int REGION_DATA_TYPE = 0x00186014;
    static final int REGION_MIN_X0 = 0x00186018;
    static final int REGION_MIN_Y0 = 0x0018601A;
    static final int REGION_MAX_X1 = 0x0018601C;
    static final int REGION_MAX_Y1 = 0x0018601E;
    static final int PHYSICAL_UNITS_X = 0x00186024;
    static final int PHYSICAL_UNITS_Y = 0x00186026;
    static final int PHYSICAL_DELTA_X = 0x0018602C;
    static final int PHYSICAL_DELTA_Y = 0x0018602E;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int RED_DESCRIPTOR = 0x00281101;
    static final int GREEN_DESCRIPTOR = 0x00281102;
    static final int BLUE_DESCRIPTOR = 0x00281103;
    static final int RED_DATA = 0x00281201;
    static final int GREEN_DATA = 0x00281202;
    static final int BLUE_DATA = 0x00281203;
    static final int RED_SEGMENTED = 0x00281221;
    static final int GREEN_SEGMENTED = 0x00281222;
    static final int BLUE_SEGMENTED = 0x00281223;
    static final int PIXEL_DATA = 0x7FE00010;
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_END = 0xFFFEE00D;
    static final int SEQUENCE_END = 0xFFFEE0DD;

    /** Descriptive tags copied into {@code LoopMetadata.tags}, by name. */
    static final Map<String, Integer> DESCRIPTIVE = Map.of(
            "Manufacturer", MANUFACTURER,
            "ManufacturerModelName", MODEL_NAME,
            "TransducerData", TRANSDUCER_DATA,
            "SOPClassUID", SOP_CLASS_UID,
            "Modality", MODALITY,
            "StudyDate", STUDY_DATE);

    private static final Map<Integer, String> VR = Map.ofEntries(
            Map.entry(SOP_CLASS_UID, "UI"), Map.entry(STUDY_DATE, "DA"), Map.entry(MODALITY, "CS"),
            Map.entry(MANUFACTURER, "LO"), Map.entry(MODEL_NAME, "LO"), Map.entry(RECOMMENDED_FRAME_RATE, "IS"),
            Map.entry(CINE_RATE, "IS"), Map.entry(FRAME_TIME, "DS"), Map.entry(FRAME_TIME_VECTOR, "DS"),
            Map.entry(IMAGER_PIXEL_SPACING, "DS"), Map.entry(TRANSDUCER_DATA, "LO"), Map.entry(US_REGIONS, "SQ"),
            Map.entry(REGION_SPATIAL_FORMAT, "US"), Map.entry(REGION_DATA_TYPE, "US"),
            Map.entry(REGION_MIN_X0, "UL"), Map.entry(REGION_MIN_Y0, "UL"), Map.entry(REGION_MAX_X1, "UL"),
            Map.entry(REGION_MAX_Y1, "UL"), Map.entry(PHYSICAL_UNITS_X, "US"), Map.entry(PHYSICAL_UNITS_Y, "US"),
            Map.entry(PHYSICAL_DELTA_X, "FD"), Map.entry(PHYSICAL_DELTA_Y, "FD"),
            Map.entry(SAMPLES_PER_PIXEL, "US"), Map.entry(PHOTOMETRIC, "CS"), Map.entry(PLANAR_CONFIGURATION, "US"),
            Map.entry(NUMBER_OF_FRAMES, "IS"), Map.entry(ROWS, "US"), Map.entry(COLUMNS, "US"),
            Map.entry(PIXEL_SPACING, "DS"), Map.entry(BITS_ALLOCATED, "US"), Map.entry(BITS_STORED, "US"),
            Map.entry(HIGH_BIT, "US"), Map.entry(PIXEL_REPRESENTATION, "US"),
            Map.entry(RED_DESCRIPTOR, "US"), Map.entry(GREEN_DESCRIPTOR, "US"), Map.entry(BLUE_DESCRIPTOR, "US"),
            Map.entry(RED_DATA, "OW"), Map.entry(GREEN_DATA, "OW"), Map.entry(BLUE_DATA, "OW"),
            Map.entry(RED_SEGMENTED, "OW"), Map.entry(GREEN_SEGMENTED, "OW"), Map.entry(BLUE_SEGMENTED, "OW"),
            Map.entry(PIXEL_DATA, "OW"));

    private DicomDictionary() {
    }

    /** @return the VR of a known tag, or {@code "UN"} */
    static String vr(int tag) {
        return VR.getOrDefault(tag, "UN");
    }

    /** @return the tag as {@code (gggg,eeee)} */
    static String name(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
