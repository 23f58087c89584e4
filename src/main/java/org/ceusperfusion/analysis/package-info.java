/** The analysis pipeline of one loop: TIC, fit, parameters, non-enhancing fraction, and its result records. */
package org.ceusperfusion.analysis;
