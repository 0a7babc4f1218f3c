//! The handful of eBPF instructions the device filter is made of: the
//! kernel's `struct bpf_insn` and the opcode values of
//! include/uapi/linux/bpf.h and bpf_common.h (`libc` has no eBPF
//! definitions). Only what `compile` emits and the tests interpret.

/// `struct bpf_insn { __u8 code; __u8 dst_reg:4, src_reg:4; __s16 off; __s32 imm; }`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Insn {
    pub code: u8,
    /// The two register nibbles; C bitfields are laid out in the host's
    /// bit order, so `dst_reg` is the low nibble on little-endian hosts.
    regs: u8,
    pub off: i16,
    pub imm: i32,
}

/// A register: R0 holds the return value at `exit`, R1 the context
/// pointer on entry; R2-R9 are free here (the program calls no helper).
pub type Reg = u8;
pub const R1: Reg = 1;
pub const R2: Reg = 2;
pub const R3: Reg = 3;
pub const R4: Reg = 4;
pub const R5: Reg = 5;
pub const R6: Reg = 6;
pub const R0: Reg = 0;

// Instruction classes (low 3 bits of `code`).
pub const CLASS_LDX: u8 = 0x01;
pub const CLASS_ALU: u8 = 0x04; // 32-bit arithmetic; results are zero-extended to 64 bits
pub const CLASS_JMP: u8 = 0x05; // 64-bit compares

// For loads: size and mode.
pub const SIZE_W: u8 = 0x00; // 32-bit word
pub const MODE_MEM: u8 = 0x60; // dst = *(size *)(src + off)

// For ALU and JMP: where the second operand comes from.
pub const SRC_K: u8 = 0x00; // the immediate `imm`
pub const SRC_X: u8 = 0x08; // the register `src_reg`

// ALU operations.
pub const ALU_OR: u8 = 0x40;
pub const ALU_AND: u8 = 0x50;
pub const ALU_RSH: u8 = 0x70;
pub const ALU_XOR: u8 = 0xa0;
pub const ALU_MOV: u8 = 0xb0;

// JMP operations: `off` counts instructions after the next one.
pub const JMP_JEQ: u8 = 0x10;
pub const JMP_JNE: u8 = 0x50;
pub const JMP_EXIT: u8 = 0x90;

impl Insn {
    fn new(code: u8, dst: Reg, src: Reg, off: i16, imm: i32) -> Insn {
        #[cfg(target_endian = "little")]
        let regs = (dst & 0x0f) | (src << 4);
        #[cfg(target_endian = "big")]
        let regs = (dst << 4) | (src & 0x0f);
        Insn { code, regs, off, imm }
    }

    #[cfg(test)]
    pub fn dst(&self) -> Reg {
        if cfg!(target_endian = "little") {
            self.regs & 0x0f
        } else {
            self.regs >> 4
        }
    }

    #[cfg(test)]
    pub fn src(&self) -> Reg {
        if cfg!(target_endian = "little") {
            self.regs >> 4
        } else {
            self.regs & 0x0f
        }
    }

    /// `dst = *(u32 *)(src + off)`, zero-extended.
    pub fn load_u32(dst: Reg, src: Reg, off: i16) -> Insn {
        Insn::new(CLASS_LDX | MODE_MEM | SIZE_W, dst, src, off, 0)
    }

    /// `dst = (u32)(dst OP imm)`; `ALU_MOV` is `dst = imm`.
    pub fn alu_imm(op: u8, dst: Reg, imm: i32) -> Insn {
        Insn::new(CLASS_ALU | op | SRC_K, dst, 0, 0, imm)
    }

    /// `dst = (u32)(dst OP src)`.
    pub fn alu_reg(op: u8, dst: Reg, src: Reg) -> Insn {
        Insn::new(CLASS_ALU | op | SRC_X, dst, src, 0, 0)
    }

    /// `if (dst OP imm) skip off instructions`; imm is sign-extended, so
    /// callers keep it non-negative to compare with zero-extended words.
    pub fn jump_imm(op: u8, dst: Reg, imm: i32, off: i16) -> Insn {
        Insn::new(CLASS_JMP | op | SRC_K, dst, 0, off, imm)
    }

    /// Returns R0 to the kernel.
    pub fn exit() -> Insn {
        Insn::new(CLASS_JMP | JMP_EXIT, 0, 0, 0, 0)
    }
}
