/** Result writers (JSON, CSV) and charts as pure functions of data (PNG, PDF). Headless. */
package org.ceusperfusion.report;
