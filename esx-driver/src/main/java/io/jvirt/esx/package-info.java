/**
 * The ESX driver plugin: {@link io.jvirt.esx.EsxDriver} (found by {@code ServiceLoader} for the
 * {@code esx}, {@code gsx} and {@code vpx} schemes), {@link io.jvirt.esx.EsxConnection} (opening
 * per esx-spec section 1) and the {@link io.jvirt.esx.shared.EsxOptions} of the {@code env} map. The
 * data path reads straight down: uri, then transport and vi (session), inventory, and the
 * domain and node sub-drivers.
 */
package io.jvirt.esx;
