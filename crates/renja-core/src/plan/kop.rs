//! The letterhead logo on a [`Plan`]: checked by `crate::kop`, stored in one undoable edit.

use std::path::Path;

use crate::error::Result;
use crate::kop::{self, Logo};
use crate::plan::Plan;
use crate::undo::Op;

impl Plan {
    /// The letterhead logo, if one is set. A logo that breaks the limits (cut off, not PNG or
    /// JPEG, too many pixels: possible only in a file from elsewhere) counts as none, so
    /// reports go out without it and the form offers to choose another.
    pub fn logo(&self) -> Result<Option<Logo>> {
        kop::logo(self.db())
    }

    pub fn set_logo(&mut self, path: &Path) -> Result<()> {
        let logo = kop::read_logo(path)?;
        self.transact(Op::SetLogo, |tx, now| kop::set_logo(tx, &logo, now))
    }

    pub fn remove_logo(&mut self) -> Result<()> {
        self.transact(Op::RemoveLogo, |tx, _| kop::remove_logo(tx))
    }
}
