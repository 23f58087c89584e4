package org.ceusperfusion.compare;

/** RECIST-like size response categories (perfusion-reference.md §6). */
public enum SizeCategory {
    /** complete response: every target lesion gone (all diameters 0) */
    CR,
    /** partial response: sum of diameters at least 30 % below baseline */
    PR,
    /** stable disease: neither PR nor PD */
    SD,
    /** progressive disease: sum at least 20 % and at least 5 mm above the smallest sum so far */
    PD
}
