// Types for the parts of @webassemblyjs/wasm-parser's AST that wasm-to-module.ts reads (the
// package ships JavaScript only). Decoded with `ignoreCustomNameSection: true`, so function
// names stay `func_N`, export ids are numeric and names come from metadata.functionNames.

declare module '@webassemblyjs/wasm-parser' {
  export interface NumberLiteral {
    type: 'NumberLiteral';
    value: number;
  }
  export interface LongNumberLiteral {
    type: 'LongNumberLiteral';
    value: { high: number; low: number };
  }
  export interface FloatLiteral {
    type: 'FloatLiteral';
    value: number;
  }
  export interface ValtypeLiteral {
    type: 'ValtypeLiteral';
    name: string;
  }
  export type Literal = NumberLiteral | LongNumberLiteral | FloatLiteral | ValtypeLiteral;

  export interface PlainInstr {
    type: 'Instr';
    id: string;
    object?: string;
    args: Literal[];
    namedArgs?: { offset?: NumberLiteral };
  }
  /** `result` is a value type, null for none, or a type index (a multi-value block). */
  export type BlockResult = string | number | null;
  export interface BlockInstruction {
    type: 'BlockInstruction';
    instr: Instruction[];
    result: BlockResult;
  }
  export interface LoopInstruction {
    type: 'LoopInstruction';
    instr: Instruction[];
    resulttype: BlockResult;
  }
  export interface IfInstruction {
    type: 'IfInstruction';
    result: BlockResult;
    consequent: Instruction[];
    alternate: Instruction[];
  }
  export interface CallInstruction {
    type: 'CallInstruction';
    /** the function index (names are not restored) */
    index: NumberLiteral;
  }
  export interface CallIndirectInstruction {
    type: 'CallIndirectInstruction';
  }
  export type Instruction =
    | PlainInstr
    | BlockInstruction
    | LoopInstruction
    | IfInstruction
    | CallInstruction
    | CallIndirectInstruction;

  export interface Signature {
    params: { valtype: string }[];
    results: string[];
  }
  export interface Limits {
    min: number;
    max?: number;
  }
  export interface Func {
    type: 'Func';
    signature: Signature;
    body: Instruction[];
  }
  export interface ModuleImport {
    type: 'ModuleImport';
    module: string;
    name: string;
    descr:
      | { type: 'FuncImportDescr'; signature: Signature }
      | { type: 'GlobalType' | 'Memory' | 'Table' };
  }
  export interface Global {
    type: 'Global';
    globalType: { valtype: string; mutability: 'var' | 'const' };
    init: Instruction[];
  }
  export interface Memory {
    type: 'Memory';
    limits: Limits;
  }
  export interface Data {
    type: 'Data';
    offset: Instruction;
    init: { values: number[] };
  }
  export interface ModuleExport {
    type: 'ModuleExport';
    name: string;
    descr: { exportType: string; id: NumberLiteral };
  }
  export interface Start {
    type: 'Start';
    index: NumberLiteral;
  }
  export interface OtherField {
    type: 'TypeInstruction' | 'Table' | 'Elem';
  }
  export type ModuleField =
    Func | ModuleImport | Global | Memory | Data | ModuleExport | Start | OtherField;

  export interface Module {
    type: 'Module';
    fields: ModuleField[];
    metadata: { functionNames?: { value: string; index: number }[] };
  }
  export interface Program {
    type: 'Program';
    body: Module[];
  }

  export function decode(
    buffer: Uint8Array,
    options?: { ignoreCustomNameSection?: boolean; ignoreCodeSection?: boolean },
  ): Program;
}
