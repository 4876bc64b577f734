import type { PresetSpec } from '../../inventory/model.js';
import type { Cli } from '../context.js';

/** Writes a preset into an inventory point (the user asked for it with --record: no question). */
export async function recordPreset(cli: Cli, dir: string, pointId: string, preset: PresetSpec): Promise<void> {
  const { loadInventory } = await import('../../inventory/load.js');
  const { InventoryEditor } = await import('../../inventory/editor.js');
  const { writeChanges } = await import('../../inventory/write-changes.js');
  const { inventoryChangesView } = await import('../views/inventory-changes-view.js');
  const editor = new InventoryEditor(await loadInventory(dir));
  editor.setPreset(pointId, preset);
  const changes = editor.changes();
  if (changes.length) {
    await writeChanges(changes);
    inventoryChangesView(cli).written(changes);
  } else cli.info(`The inventory already has preset '${preset.name}' there.`);
}
