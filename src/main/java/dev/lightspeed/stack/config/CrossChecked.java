package dev.lightspeed.stack.config;

/**
 * A configuration record with rules across its keys (one needs another, two exclude each
 * other, ...), which {@link ConfigReader} runs once the record is built; rules of one key
 * are annotations on its component instead ({@link ConfigKey}).
 */
interface CrossChecked {

	/**
	 * Reports what breaks a rule across this record's keys.
	 * @param section the record's section of the file, where problems are reported
	 */
	void crossCheck(SectionCheck section);

}
