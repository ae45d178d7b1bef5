// The runtime side of the type-only subpaths (@wpay/widget/vue, @wpay/widget/jsx/react).
export {};
