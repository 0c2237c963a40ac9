import {
  Kind, getNamedType, getNullableType, isInterfaceType, isListType, isObjectType, valueFromASTUntyped,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** Lists without a `first` argument are assumed to return this many items. */
export const DEFAULT_LIST_SIZE = 20;
/**
 * A root field (query or mutation) runs its own SQL statements, some over every territory: each
 * one, aliases included, costs this — 5 of them reach the default per-request maximum.
 */
export const ROOT_FIELD_COST = 1_000;
/** A field with its own resolver (`@ResolveField`: a loader or a query), per parent it resolves for. */
export const RESOLVED_FIELD_COST = 10;
/** A plain object or list property of an object already loaded (each item of a list counts). */
export const PLAIN_FIELD_COST = 1;
/** A plain scalar of an object already loaded: serialising it is noise next to one SQL statement. */
export const LEAF_FIELD_COST = 0;

/**
 * Estimated cost of one operation, before it runs: each field costs what it does — a root
 * field runs SQL (ROOT_FIELD_COST), a field with its own resolver loads something
 * (RESOLVED_FIELD_COST), a plain object is read from memory (1), a plain scalar is free — times the sizes of the lists
 * around it (`first` when given, literal or variable). Aliases are separate fields and each one
 * counts. A field may state its own cost with the `complexity` extension (`@Field({ complexity })`).
 */
export function operationCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}): number {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, multiplier: number, seen: ReadonlySet<string>, pageSize: number | undefined, isRoot: boolean): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, multiplier, seen, pageSize, isRoot);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (isObjectType(type)) cost += costOf(selection.selectionSet, type, multiplier, seen, pageSize, isRoot);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(selection.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isObjectType(type)) cost += costOf(fragment.selectionSet, type, multiplier, new Set([...seen, selection.name.value]), pageSize, isRoot);
      }
    }
    return cost;
  };

  // A connection field (`territories(first: 500)`) passes its page size to its list fields (`edges`).
  const fieldCost = (node: FieldNode, parent: GraphQLObjectType, multiplier: number, seen: ReadonlySet<string>, pageSize: number | undefined, isRoot: boolean): number => {
    if (node.name.value.startsWith('__')) return 0;
    const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[node.name.value];
    if (!field) return 0;
    const first = firstOf(node, variables);
    const isList = isListType(getNullableType(field.type));
    const size = isList ? (first ?? pageSize ?? DEFAULT_LIST_SIZE) : 1;
    const own = multiplier * ownCost(field, isRoot);
    const named = getNamedType(field.type);
    if (!node.selectionSet || !(isObjectType(named) || isInterfaceType(named))) return own;
    return own + (isObjectType(named) ? costOf(node.selectionSet, named, multiplier * size, seen, isList ? undefined : first, false) : 0);
  };

  return costOf(operation.selectionSet, root, 1, new Set(), undefined, true);
}

function ownCost(field: GraphQLField<unknown, unknown>, isRoot: boolean): number {
  const declared = field.extensions?.complexity;
  if (typeof declared === 'number' && Number.isFinite(declared) && declared >= 0) return declared;
  if (isRoot) return ROOT_FIELD_COST;
  if (!isPlainProperty(field)) return RESOLVED_FIELD_COST;
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) ? PLAIN_FIELD_COST : LEAF_FIELD_COST;
}

const plainProperties = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

/**
 * A field that only reads a property of its parent. @nestjs/graphql gives every `@Field` a
 * resolver of its own that reads `root[field.name]`; `@ResolveField` methods are bound functions.
 * (abuse-budgets.integration-spec checks this against the live schema.)
 */
function isPlainProperty(field: GraphQLField<unknown, unknown>): boolean {
  if (!field.resolve) return true;
  let plain = plainProperties.get(field);
  if (plain === undefined) {
    plain = Function.prototype.toString.call(field.resolve).includes('root[field.name]');
    plainProperties.set(field, plain);
  }
  return plain;
}

/** `first` as a literal or a variable; a negative or absurd value counts as given (the resolver refuses it). */
function firstOf(node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const arg = node.arguments?.find((candidate) => candidate.name.value === 'first');
  if (!arg) return undefined;
  const value = valueFromASTUntyped(arg.value, variables);
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
}

/** The fragments of a document by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  return fragments;
}
