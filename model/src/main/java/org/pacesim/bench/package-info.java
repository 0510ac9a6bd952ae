/** The benchmarks behind {@code pace bench}: engine speed, scaling, retention and the fitting benchmark. */
package org.pacesim.bench;
