package dev.lightspeed.stack.llamastack.library;

/**
 * The Llama Stack a Python has installed.
 *
 * @param module its Python package: {@code llama_stack}, or {@code ogx} (Llama Stack's
 * name from 0.8 on)
 * @param version the installed version, as its package metadata gives it
 */
record InstalledServer(String module, String version) {

	@Override
	public String toString() {
		return ("ogx".equals(this.module) ? "OGX " : "Llama Stack ") + this.version;
	}

}
