import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS as DndCSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Paper, SimpleGrid, Stack, VisuallyHidden } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowLeft,
  IconArrowRight,
  IconArrowUp,
  IconGripVertical,
} from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { moveItem } from './sortable';

export interface SortableListProps<T> {
  items: readonly T[];
  getId: (item: T) => string;
  /** What a screen reader calls an item ("Spring jacket", "Image 2"). */
  getLabel: (item: T, index: number) => string;
  onReorder: (items: T[]) => void;
  renderItem: (item: T, index: number) => ReactNode;
  /** The list's accessible name. */
  label: string;
  /** `list`: one per row, moved up/down; `grid`: cards in rows, moved left/right. */
  layout?: 'list' | 'grid';
  disabled?: boolean;
}

/**
 * An ordered list that is sorted by dragging (mouse, touch, or the drag handle with Space and
 * the arrow keys) or with the move buttons of each item. Every move is announced.
 */
export function SortableList<T>({
  items,
  getId,
  getLabel,
  onReorder,
  renderItem,
  label,
  layout = 'list',
  disabled = false,
}: SortableListProps<T>) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(getId);
  const indexOf = (id: UniqueIdentifier) => ids.indexOf(String(id));
  const nameOf = (id: UniqueIdentifier) => {
    const index = indexOf(id);
    const item = items[index];
    return item === undefined ? String(id) : getLabel(item, index);
  };
  const total = items.length;

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('sortable.picked', { name: nameOf(active.id), position: indexOf(active.id) + 1, total }),
    onDragOver: ({ active, over }) =>
      over
        ? t('sortable.over', { name: nameOf(active.id), position: indexOf(over.id) + 1, total })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('sortable.dropped', { name: nameOf(active.id), position: indexOf(over.id) + 1, total })
        : undefined,
    onDragCancel: ({ active }) => t('sortable.cancelled', { name: nameOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(moveItem(items, indexOf(active.id), indexOf(over.id)));
  };

  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (item === undefined) return;
    const to = index + by;
    onReorder(moveItem(items, index, to));
    setAnnouncement(t('sortable.moved', { name: getLabel(item, index), position: to + 1, total }));
    // Keep the focus on the moved item's button in its new place (or the other one at an end).
    const id = getId(item);
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector(`[data-sortable-id="${CSS.escape(id)}"]`);
      const wanted = row?.querySelector<HTMLButtonElement>(
        `button[data-move="${by < 0 ? 'back' : 'forward'}"]:not(:disabled)`,
      );
      const fallback = row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)');
      (wanted ?? fallback)?.focus();
    });
  };

  const rows = items.map((item, index) => (
    <SortableRow
      key={getId(item)}
      id={getId(item)}
      name={getLabel(item, index)}
      index={index}
      total={total}
      layout={layout}
      disabled={disabled}
      onMove={(by) => move(index, by)}
    >
      {renderItem(item, index)}
    </SortableRow>
  ));

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('sortable.instructions') },
      }}
    >
      <SortableContext
        items={ids}
        strategy={layout === 'grid' ? rectSortingStrategy : verticalListSortingStrategy}
        disabled={disabled}
      >
        {layout === 'grid' ? (
          <SimpleGrid
            ref={listRef}
            component="ul"
            aria-label={label}
            cols={{ base: 2, sm: 3, md: 4 }}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {rows}
          </SimpleGrid>
        ) : (
          <Stack
            ref={listRef}
            component="ul"
            aria-label={label}
            gap="xs"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {rows}
          </Stack>
        )}
      </SortableContext>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </DndContext>
  );
}

function SortableRow({
  id,
  name,
  index,
  total,
  layout,
  disabled,
  onMove,
  children,
}: {
  id: string;
  name: string;
  index: number;
  total: number;
  layout: 'list' | 'grid';
  disabled: boolean;
  onMove: (by: -1 | 1) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id, disabled });
  const grid = layout === 'grid';
  const BackIcon = grid ? IconArrowLeft : IconArrowUp;
  const ForwardIcon = grid ? IconArrowRight : IconArrowDown;

  const handle = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      style={{ cursor: disabled ? undefined : 'grab', touchAction: 'none' }}
      disabled={disabled}
      {...attributes}
      {...listeners}
      aria-label={t('sortable.drag', { name })}
    >
      <IconGripVertical size={16} aria-hidden />
    </ActionIcon>
  );
  const moves = (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        data-move="back"
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
        aria-label={grid ? t('sortable.moveLeft', { name }) : t('sortable.moveUp', { name })}
      >
        <BackIcon size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        data-move="forward"
        disabled={disabled || index === total - 1}
        onClick={() => onMove(1)}
        aria-label={grid ? t('sortable.moveRight', { name }) : t('sortable.moveDown', { name })}
      >
        <ForwardIcon size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );

  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="xs"
      data-sortable-id={id}
      aria-label={name}
      style={{
        transform: DndCSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
      }}
    >
      {grid ? (
        <Stack gap={4}>
          {children}
          <Group justify="space-between" wrap="nowrap">
            {handle}
            {moves}
          </Group>
        </Stack>
      ) : (
        <Group wrap="nowrap" gap="xs">
          {handle}
          <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
          {moves}
        </Group>
      )}
    </Paper>
  );
}
