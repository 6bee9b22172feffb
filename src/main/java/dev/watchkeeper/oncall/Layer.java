package dev.watchkeeper.oncall;

import java.util.List;

/**
 * One layer of a schedule: the first is the primary, the second the secondary, and so on.
 * Each layer has its own rotation and, optionally, the windows it is restricted to.
 *
 * @param name what people call it, e.g. Primary
 * @param rotation who takes turns and when
 * @param restrictions the windows the layer is on call in; empty: always
 */
public record Layer(String name, Rotation rotation, List<Restriction> restrictions) {

	public Layer {
		restrictions = List.copyOf(restrictions);
	}

}
