/** The file-name convention of libvirt's VMX test corpus, for the corpus runner, benchmarks and tests; not exported to applications. */
package io.jvirt.vmx.corpus;
